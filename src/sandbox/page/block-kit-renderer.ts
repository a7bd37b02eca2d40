/**
 * Browser script (plain ES2017, no build step): renders Slack mrkdwn and Block Kit into HTML strings.
 * Pure functions on `window.BlockKit`; test/sandbox evaluates this script in a vm to check its output.
 * Written inside String.raw, so it must not contain backticks or dollar-brace (\x60 stands for a backtick).
 */
export const BLOCK_KIT_RENDERER_JS = String.raw`
var BlockKit = (function () {
  var EMOJI = {
    white_check_mark: '\u2705', heavy_check_mark: '\u2714\uFE0F', x: '\u274C', warning: '\u26A0\uFE0F',
    rotating_light: '\uD83D\uDEA8', fire: '\uD83D\uDD25', red_circle: '\uD83D\uDD34', large_green_circle: '\uD83D\uDFE2',
    large_yellow_circle: '\uD83D\uDFE1', green_circle: '\uD83D\uDFE2', yellow_circle: '\uD83D\uDFE1', eyes: '\uD83D\uDC40',
    pager: '\uD83D\uDCDF', calendar: '\uD83D\uDCC5', clock1: '\uD83D\uDD50', lock: '\uD83D\uDD12', key: '\uD83D\uDD11',
    information_source: '\u2139\uFE0F', question: '\u2753', tada: '\uD83C\uDF89', thumbsup: '\uD83D\uDC4D', '+1': '\uD83D\uDC4D',
    wave: '\uD83D\uDC4B', sos: '\uD83C\uDD98', construction: '\uD83D\uDEA7', hourglass: '\u231B', bell: '\uD83D\uDD14',
    white_circle: '\u26AA', black_circle: '\u26AB', arrow_right: '\u27A1\uFE0F', memo: '\uD83D\uDCDD', busts_in_silhouette: '\uD83D\uDC65'
  };

  function esc(s) {
    return String(s == null ? '' : s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  // Slack escapes &, < and > in message text; undo that before escaping for HTML.
  function unslack(s) {
    return String(s).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  function safeUrl(u) {
    return /^(https?:|mailto:)/i.test(u) ? u : null;
  }
  function emoji(html) {
    return html.replace(/:([a-z0-9_+\-]+):/g, function (m, n) { return EMOJI[n] || m; });
  }

  function token(inner, names) {
    var bar = inner.indexOf('|');
    var target = bar >= 0 ? inner.slice(0, bar) : inner;
    var label = bar >= 0 ? inner.slice(bar + 1) : '';
    names = names || {};
    if (target.charAt(0) === '@') {
      var uid = target.slice(1);
      return '<span class="mention" data-user="' + esc(uid) + '">@' + esc((names.users || {})[uid] || label || uid) + '</span>';
    }
    if (target.charAt(0) === '#') {
      var cid = target.slice(1);
      return '<span class="channel-ref" data-channel="' + esc(cid) + '">#' + esc((names.channels || {})[cid] || label || cid) + '</span>';
    }
    if (target.charAt(0) === '!') {
      if (target.indexOf('!subteam^') === 0) return '<span class="mention">' + esc(label || '@group') + '</span>';
      if (target.indexOf('!date^') === 0) return esc(label);
      return '<span class="mention">@' + esc(target.slice(1)) + '</span>';
    }
    var url = safeUrl(unslack(target));
    if (!url) return esc(unslack(inner));
    return '<a href="' + esc(url) + '" target="_blank" rel="noopener noreferrer">' + esc(unslack(label || target)) + '</a>';
  }

  function mrkdwn(text, names) {
    var slots = [];
    function hold(html) { slots.push(html); return '\u0000' + (slots.length - 1) + '\u0000'; }
    var s = String(text == null ? '' : text);
    s = s.replace(/\x60\x60\x60([\s\S]*?)\x60\x60\x60/g, function (_, c) { return hold('<pre>' + esc(unslack(c)) + '</pre>'); });
    s = s.replace(/\x60([^\x60\n]+)\x60/g, function (_, c) { return hold('<code>' + esc(unslack(c)) + '</code>'); });
    s = s.replace(/<([^<>\n]+)>/g, function (_, inner) { return hold(token(inner, names)); });
    s = esc(unslack(s));
    s = s.replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])/g, '$1<b>$2</b>');
    s = s.replace(/(^|[^\w_])_(?!\s)([^_\n]+?)_(?![\w_])/g, '$1<i>$2</i>');
    s = s.replace(/(^|[^\w~])~(?!\s)([^~\n]+?)~(?![\w~])/g, '$1<s>$2</s>');
    s = emoji(s);
    s = s.replace(/^&gt; ?(.*)$/gm, '<blockquote>$1</blockquote>');
    s = s.replace(/\n/g, '<br>');
    return s.replace(/\u0000(\d+)\u0000/g, function (_, i) { return slots[Number(i)]; });
  }

  function text(t, names) {
    if (!t) return '';
    if (typeof t === 'string') return mrkdwn(t, names);
    return t.type === 'mrkdwn' ? mrkdwn(t.text, names) : emoji(esc(t.text));
  }
  function plain(t) {
    return t ? (t.emoji === false ? esc(t.text) : emoji(esc(t.text))) : '';
  }

  function attrs(el, block, kind, extra) {
    return ' data-kind="' + kind + '" data-action-id="' + esc(el.action_id) + '" data-block-id="' + esc(block.block_id) +
      '" data-type="' + esc(el.type) + '"' + (extra || '');
  }

  // The value an element shows: what the person already chose (state) or its initial_* field.
  function current(el, entry) {
    if (entry) {
      if ('value' in entry) return entry.value;
      if ('selected_option' in entry) return entry.selected_option ? entry.selected_option.value : null;
      if ('selected_options' in entry) return (entry.selected_options || []).map(function (o) { return o.value; });
      var keys = ['selected_user', 'selected_users', 'selected_conversation', 'selected_conversations', 'selected_channel',
        'selected_channels', 'selected_date', 'selected_time', 'selected_date_time'];
      for (var i = 0; i < keys.length; i++) if (keys[i] in entry) return entry[keys[i]];
    }
    if (el.initial_value != null) return el.initial_value;
    if (el.initial_option) return el.initial_option.value;
    if (el.initial_options) return el.initial_options.map(function (o) { return o.value; });
    var init = ['initial_user', 'initial_users', 'initial_conversation', 'initial_conversations', 'initial_channel',
      'initial_channels', 'initial_date', 'initial_time', 'initial_date_time'];
    for (var j = 0; j < init.length; j++) if (el[init[j]] != null) return el[init[j]];
    return null;
  }
  function isChosen(value, v) {
    return Array.isArray(value) ? value.indexOf(v) >= 0 : value === v;
  }

  function optionTags(options, value) {
    return (options || []).map(function (o) {
      return '<option value="' + esc(o.value) + '"' + (isChosen(value, o.value) ? ' selected' : '') + '>' + plain(o.text) + '</option>';
    }).join('');
  }
  function optionList(el, value, ctx) {
    var t = el.type;
    if (/users_select$/.test(t)) {
      return (ctx.people || []).map(function (p) {
        return '<option value="' + esc(p.id) + '"' + (isChosen(value, p.id) ? ' selected' : '') + '>' + esc(p.real_name || p.name) + '</option>';
      }).join('');
    }
    if (/(conversations|channels)_select$/.test(t)) {
      return (ctx.channels || []).map(function (c) {
        return '<option value="' + esc(c.id) + '"' + (isChosen(value, c.id) ? ' selected' : '') + '>' + esc(c.label || c.name) + '</option>';
      }).join('');
    }
    if (/external_select$/.test(t)) {
      var chosen = (ctx.suggestions && ctx.suggestions[el.action_id]) || [];
      if (value && !chosen.some(function (o) { return isChosen(value, o.value); })) {
        (Array.isArray(value) ? value : [value]).forEach(function (v) { chosen = chosen.concat([{ text: { text: v }, value: v }]); });
      }
      return optionTags(chosen, value);
    }
    var html = optionTags(el.options, value);
    (el.option_groups || []).forEach(function (g) {
      html += '<optgroup label="' + esc(g.label && g.label.text) + '">' + optionTags(g.options, value) + '</optgroup>';
    });
    return html;
  }

  // One element; kind is "action" (sends block_actions on use) or "input" (read on submit).
  function element(el, block, ctx, kind) {
    var entry = ctx.state && ctx.state[block.block_id] && ctx.state[block.block_id][el.action_id];
    var value = current(el, entry);
    var dispatch = kind === 'action' || block.dispatch_action ? ' data-dispatch="1"' : '';
    var a = attrs(el, block, kind, dispatch);
    var t = el.type;
    if (t === 'button' || t === 'workflow_button') {
      var cls = 'bk-button' + (el.style ? ' ' + esc(el.style) : '');
      return '<button type="button" class="' + cls + '"' + a + ' data-testid="button-' + esc(el.action_id) + '">' + plain(el.text) + '</button>';
    }
    if (t === 'image') return '<span class="img-alt" title="' + esc(el.alt_text) + '">[' + esc(el.alt_text) + ']</span>';
    if (t === 'plain_text_input' || t === 'email_text_input' || t === 'url_text_input' || t === 'number_input') {
      var ph = el.placeholder ? ' placeholder="' + esc(el.placeholder.text) + '"' : '';
      var v = value == null ? '' : esc(value);
      if (el.multiline) return '<textarea class="bk-text"' + a + ph + ' rows="4">' + v + '</textarea>';
      var type = t === 'number_input' ? 'number' : t === 'email_text_input' ? 'email' : t === 'url_text_input' ? 'url' : 'text';
      return '<input class="bk-text" type="' + type + '"' + a + ph + ' value="' + v + '">';
    }
    if (t === 'datepicker') return '<input class="bk-date" type="date"' + a + ' value="' + esc(value || '') + '">';
    if (t === 'timepicker') return '<input class="bk-time" type="time"' + a + ' value="' + esc(value || '') + '">';
    if (t === 'checkboxes' || t === 'radio_buttons') {
      var inputType = t === 'checkboxes' ? 'checkbox' : 'radio';
      var name = 'r-' + block.block_id + '-' + el.action_id;
      return '<div class="bk-choices"' + a + '>' + (el.options || []).map(function (o) {
        return '<label class="bk-choice"><input type="' + inputType + '" name="' + esc(name) + '" value="' + esc(o.value) + '"' +
          (isChosen(value, o.value) ? ' checked' : '') + '> ' + text(o.text, ctx.names) +
          (o.description ? ' <small>' + text(o.description, ctx.names) + '</small>' : '') + '</label>';
      }).join('') + '</div>';
    }
    if (/select$/.test(t) || t === 'overflow') {
      var multi = /^multi_/.test(t);
      var placeholder = t === 'overflow' ? '\u22EF' : el.placeholder ? el.placeholder.text : 'Select\u2026';
      var select = '<select class="bk-select"' + a + (multi ? ' multiple' : '') + '>' +
        (multi ? '' : '<option value="">' + esc(placeholder) + '</option>') + optionList(el, value, ctx) + '</select>';
      if (/external_select$/.test(t)) {
        return '<span class="bk-external"><input class="bk-ext-query" type="search" placeholder="Type to search\u2026" data-action-id="' +
          esc(el.action_id) + '" data-block-id="' + esc(block.block_id) + '" data-min="' + (el.min_query_length == null ? 3 : el.min_query_length) + '">' + select + '</span>';
      }
      return select;
    }
    return '<span class="bk-unsupported">[' + esc(t) + ']</span>';
  }

  function block(b, ctx) {
    var names = ctx.names;
    var id = ' data-block-id="' + esc(b.block_id) + '"';
    switch (b.type) {
      case 'section': {
        var html = '<div class="bk-section"' + id + '><div class="bk-section-main">';
        if (b.text) html += '<div class="bk-text-body">' + text(b.text, names) + '</div>';
        if (b.fields) html += '<div class="bk-fields">' + b.fields.map(function (f) { return '<div class="bk-field">' + text(f, names) + '</div>'; }).join('') + '</div>';
        html += '</div>';
        if (b.accessory) html += '<div class="bk-accessory">' + (b.accessory.type === 'image' ? '<span class="img-alt">[' + esc(b.accessory.alt_text) + ']</span>' : element(b.accessory, b, ctx, 'action')) + '</div>';
        return html + '</div>';
      }
      case 'header':
        return '<h3 class="bk-header"' + id + '>' + plain(b.text) + '</h3>';
      case 'divider':
        return '<hr class="bk-divider"' + id + '>';
      case 'context':
        return '<div class="bk-context"' + id + '>' + (b.elements || []).map(function (e) {
          return e.type === 'image' ? '<span class="img-alt">[' + esc(e.alt_text) + ']</span>' : '<span>' + text(e, names) + '</span>';
        }).join(' ') + '</div>';
      case 'actions':
        return '<div class="bk-actions"' + id + '>' + (b.elements || []).map(function (e) { return element(e, b, ctx, 'action'); }).join(' ') + '</div>';
      case 'image':
        return '<figure class="bk-image"' + id + '>' + (b.title ? '<figcaption>' + plain(b.title) + '</figcaption>' : '') +
          '<span class="img-alt">[image: ' + esc(b.alt_text) + ']</span></figure>';
      case 'input': {
        var err = ctx.errors && ctx.errors[b.block_id];
        return '<div class="bk-input' + (err ? ' has-error' : '') + '"' + id + '><label class="bk-label">' + plain(b.label) +
          (b.optional ? ' <small>(optional)</small>' : '') + '</label>' + element(b.element, b, ctx, 'input') +
          (b.hint ? '<div class="bk-hint">' + plain(b.hint) + '</div>' : '') +
          (err ? '<div class="field-error" role="alert" data-testid="error-' + esc(b.block_id) + '">' + esc(err) + '</div>' : '') + '</div>';
      }
      case 'rich_text':
        return '<div class="bk-rich"' + id + '>' + esc(richText(b)) + '</div>';
      case 'markdown':
        return '<div class="bk-markdown"' + id + '>' + mrkdwn(b.text, names) + '</div>';
      default:
        return '<div class="bk-unsupported"' + id + '>[' + esc(b.type) + ' block]</div>';
    }
  }

  function richText(node) {
    if (!node) return '';
    if (typeof node.text === 'string') return node.text;
    if (node.type === 'user') return '@' + node.user_id;
    if (node.type === 'link') return node.text || node.url;
    return (node.elements || []).map(richText).join(node.type === 'rich_text_list' ? '\n' : '');
  }

  function blocks(list, ctx) {
    return (list || []).map(function (b) { return block(b, ctx || {}); }).join('');
  }

  return { esc: esc, mrkdwn: mrkdwn, text: text, blocks: blocks, current: current };
})();
`;
