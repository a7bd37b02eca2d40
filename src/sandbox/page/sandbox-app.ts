/**
 * Browser script (plain ES2017, no build step) of the sandbox page: polls GET api/state every second,
 * renders channels, messages, threads, the modal and the Home tab, and turns clicks, selects, the
 * command box and modal submits into POSTs the server hands to the Slack emulator.
 * Written inside String.raw: no backticks, no dollar-brace.
 */
export const SANDBOX_APP_JS = String.raw`
(function () {
  var BASE = location.pathname.replace(/\/+$/, '');
  var params = new URLSearchParams(location.search);
  var ui = {
    as: params.get('as') || localStorage.getItem('sandbox.as') || '',
    channel: params.get('channel') || localStorage.getItem('sandbox.channel') || '',
    tab: 'channel',
    thread: null,
    suggestions: {}
  };
  var data = null;
  var shown = { messages: '', thread: '', modal: '', home: '', channels: '', people: '', log: '' };
  var $ = function (id) { return document.getElementById(id); };

  function api(path, body) {
    return fetch(BASE + '/api/' + path, body === undefined ? {} : {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok || j.ok === false) toast(j.error + (j.messages ? ': ' + j.messages.join('; ') : ''));
        return j;
      });
    }).catch(function (e) { toast(String(e)); return { ok: false }; });
  }

  function toast(msg) {
    var t = $('toast');
    t.textContent = msg;
    t.hidden = !msg;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { t.hidden = true; }, 6000);
  }

  function refresh() {
    var q = 'state?as=' + encodeURIComponent(ui.as) + '&channel=' + encodeURIComponent(ui.channel) +
      (ui.thread ? '&thread=' + encodeURIComponent(ui.thread) : '');
    return fetch(BASE + '/api/' + q).then(function (r) { return r.json(); }).then(render).catch(function () {});
  }

  function names() { return { users: data.names.users, channels: data.names.channels }; }

  // Times show in the acting person's timezone, as Slack shows them.
  function time(ts) {
    var me = data.people.filter(function (p) { return p.id === data.as; })[0];
    try {
      return new Date(Number(ts) * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: me ? me.tz : undefined });
    } catch (e) {
      return new Date(Number(ts) * 1000).toISOString().slice(11, 16);
    }
  }

  function messageHtml(m, inThread) {
    var author = data.names.users[m.user] || m.user;
    var body = m.blocks && m.blocks.length
      ? BlockKit.blocks(m.blocks, { names: names(), people: data.people, channels: data.channels, state: m.state })
      : '<div class="text">' + BlockKit.mrkdwn(m.text, names()) + '</div>';
    var reactions = (m.reactions || []).map(function (r) {
      return '<span class="reaction">' + BlockKit.mrkdwn(':' + r.name + ':') + ' ' + r.count + '</span>';
    }).join('');
    var replies = !inThread && m.reply_count ? '<button type="button" class="thread-link" data-ts="' + BlockKit.esc(m.ts) +
      '" data-testid="thread-link">' + m.reply_count + (m.reply_count === 1 ? ' reply' : ' replies') + '</button>' : '';
    return '<div class="message' + (m.ephemeral ? ' ephemeral' : '') + (m.is_bot ? ' bot' : '') + '" data-ts="' + BlockKit.esc(m.ts) +
      '" data-channel="' + BlockKit.esc(m.channel) + '" data-testid="message"><div class="meta"><b class="author">' + BlockKit.esc(author) +
      '</b>' + (m.is_bot ? ' <span class="app-badge">APP</span>' : '') + ' <span class="time">' + time(m.ts) + '</span>' +
      (m.edited ? ' <span class="edited">(edited)</span>' : '') +
      (m.ephemeral ? ' <span class="only-you">Only visible to you</span>' : '') + '</div>' + body +
      (reactions ? '<div class="reactions">' + reactions + '</div>' : '') + replies + '</div>';
  }

  function render(next) {
    data = next;
    if (!ui.as || ui.as !== data.as) { ui.as = data.as; localStorage.setItem('sandbox.as', ui.as); }
    if (ui.channel !== data.channel) { ui.channel = data.channel; localStorage.setItem('sandbox.channel', ui.channel); }

    var people = JSON.stringify(data.people) + ui.as;
    if (people !== shown.people) {
      shown.people = people;
      $('as').innerHTML = data.people.map(function (p) {
        return '<option value="' + BlockKit.esc(p.id) + '"' + (p.id === ui.as ? ' selected' : '') + '>' +
          BlockKit.esc((p.real_name || p.name) + ' (@' + p.name + ', ' + p.tz + ')') + '</option>';
      }).join('');
    }

    var channels = JSON.stringify(data.channels) + ui.channel + ui.tab;
    if (channels !== shown.channels) {
      shown.channels = channels;
      $('channels').innerHTML = data.channels.map(function (c) {
        var active = ui.tab === 'channel' && c.id === ui.channel;
        return '<li><button type="button" class="channel' + (active ? ' active' : '') + '" data-id="' + BlockKit.esc(c.id) +
          '" data-testid="channel-' + BlockKit.esc(c.name) + '">' + BlockKit.esc(c.label) + '</button></li>';
      }).join('');
      $('home-tab').classList.toggle('active', ui.tab === 'home');
    }

    var current = data.channels.filter(function (c) { return c.id === ui.channel; })[0];
    $('channel-title').textContent = ui.tab === 'home' ? 'Home \u2014 ' + data.bot.name : current ? current.label : '';
    $('channel-view').hidden = ui.tab !== 'channel';
    $('home').hidden = ui.tab !== 'home';

    var messages = JSON.stringify(data.messages) + JSON.stringify(data.names);
    if (messages !== shown.messages) {
      shown.messages = messages;
      var box = $('messages');
      var atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
      box.innerHTML = data.messages.length ? data.messages.map(function (m) { return messageHtml(m, false); }).join('')
        : '<p class="empty">No messages yet. Try <code>/k8s-infra help</code>.</p>';
      if (atBottom) box.scrollTop = box.scrollHeight;
    }

    var thread = JSON.stringify(data.thread);
    if (thread !== shown.thread) {
      shown.thread = thread;
      $('thread').hidden = !data.thread;
      $('thread-messages').innerHTML = data.thread ? data.thread.messages.map(function (m) { return messageHtml(m, true); }).join('') : '';
    }

    var home = data.home ? data.home.id + data.home.hash : '';
    if (ui.tab === 'home' && home !== shown.home) {
      shown.home = home;
      $('home').dataset.viewId = data.home ? data.home.id : '';
      $('home').innerHTML = data.home ? BlockKit.blocks(data.home.blocks, ctxFor(data.home, null))
        : '<p class="empty">The app has not published a Home tab for you.</p>';
    }

    renderModal();

    var log = JSON.stringify(data.log);
    if (log !== shown.log) {
      shown.log = log;
      $('log').innerHTML = data.log.map(function (d) {
        return '<li class="' + (d.error ? 'bad' : 'good') + '">' + BlockKit.esc(d.kind) + ' \u2192 ' + (d.status == null ? '\u2014' : d.status) +
          ' in ' + d.ackMs + ' ms' + (d.error ? ' <b>' + BlockKit.esc(d.error) + '</b>' : '') + '</li>';
      }).join('');
    }
  }

  function ctxFor(view, errors) {
    return { names: names(), people: data.people, channels: data.channels, state: view.state && view.state.values,
      errors: errors, suggestions: ui.suggestions[view.id] || {} };
  }

  function renderModal() {
    var m = data.modal;
    var key = m ? m.view.id + m.view.hash + JSON.stringify(m.errors) + m.depth : '';
    if (key === shown.modal) return;
    shown.modal = key;
    var modal = $('modal');
    modal.hidden = !m;
    if (!m) { modal.dataset.viewId = ''; return; }
    var v = m.view;
    modal.dataset.viewId = v.id;
    modal.dataset.callbackId = v.callback_id;
    $('modal-title').textContent = v.title ? v.title.text : '';
    $('modal-depth').textContent = m.depth > 1 ? '(' + m.depth + ' of 3)' : '';
    $('modal-body').innerHTML = BlockKit.blocks(v.blocks, ctxFor(v, m.errors));
    $('modal-submit').hidden = !v.submit;
    $('modal-submit').textContent = v.submit ? v.submit.text : 'Submit';
    $('modal-close').textContent = v.close ? v.close.text : 'Cancel';
  }

  // What a person entered, in the emulator's simple form: text, option value(s), user id, date, time.
  function readElement(el) {
    var type = el.dataset.type;
    if (type === 'checkboxes') {
      return Array.prototype.map.call(el.querySelectorAll('input:checked'), function (i) { return i.value; });
    }
    if (type === 'radio_buttons') {
      var r = el.querySelector('input:checked');
      return r ? r.value : null;
    }
    if (el.multiple) return Array.prototype.map.call(el.selectedOptions, function (o) { return o.value; });
    return el.value === '' ? null : el.value;
  }

  function collectValues(container) {
    var values = {};
    container.querySelectorAll('[data-kind="input"]').forEach(function (el) {
      var b = el.dataset.blockId, a = el.dataset.actionId;
      (values[b] = values[b] || {})[a] = readElement(el);
    });
    return values;
  }

  // Where an interaction happens: a message (its ts and channel) or a view (modal or Home tab).
  function sourceOf(el) {
    var msg = el.closest('.message');
    if (msg) return { messageTs: msg.dataset.ts, channelId: msg.dataset.channel };
    var view = el.closest('[data-view-id]');
    return view ? { viewId: view.dataset.viewId } : null;
  }

  function after(p) { return p.then(function () { return refresh(); }); }

  document.addEventListener('click', function (e) {
    var t = e.target.closest('button');
    if (!t) return;
    if (t.dataset.kind === 'action' && t.dataset.type === 'button') {
      after(api('click', { as: ui.as, source: sourceOf(t), actionId: t.dataset.actionId, blockId: t.dataset.blockId }));
    } else if (t.classList.contains('channel')) {
      ui.tab = 'channel'; ui.channel = t.dataset.id; ui.thread = null; shown.messages = ''; refresh();
    } else if (t.id === 'home-tab') {
      ui.tab = 'home'; shown.home = ''; shown.channels = '';
      after(api('home', { as: ui.as }));
    } else if (t.classList.contains('thread-link')) {
      ui.thread = t.dataset.ts; refresh();
    } else if (t.id === 'thread-close') {
      ui.thread = null; refresh();
    } else if (t.id === 'modal-close') {
      after(api('close', { as: ui.as, viewId: $('modal').dataset.viewId }));
    }
  });

  document.addEventListener('change', function (e) {
    var el = e.target.closest('[data-dispatch="1"]');
    if (!el || el.dataset.type === 'button' || el.classList.contains('bk-text')) return;
    after(api('select', { as: ui.as, source: sourceOf(el), actionId: el.dataset.actionId, blockId: el.dataset.blockId, value: readElement(el) }));
  });

  var suggestTimer = null;
  document.addEventListener('input', function (e) {
    var q = e.target;
    if (!q.classList || !q.classList.contains('bk-ext-query')) return;
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(function () {
      if (q.value.length < Number(q.dataset.min)) return;
      var source = sourceOf(q);
      api('suggest', { as: ui.as, source: source, actionId: q.dataset.actionId, blockId: q.dataset.blockId, value: q.value }).then(function (r) {
        var options = (r.options || []).concat((r.optionGroups || []).reduce(function (all, g) { return all.concat(g.options || []); }, []));
        if (source && source.viewId) (ui.suggestions[source.viewId] = ui.suggestions[source.viewId] || {})[q.dataset.actionId] = options;
        var select = q.parentNode.querySelector('select');
        var multi = select.multiple;
        select.innerHTML = (multi ? '' : '<option value="">' + options.length + ' result(s)</option>') + options.map(function (o) {
          return '<option value="' + BlockKit.esc(o.value) + '">' + BlockKit.esc(o.text && o.text.text) + '</option>';
        }).join('');
        if (!multi && options.length) select.value = options[0].value;
      });
    }, 300);
  });

  $('as').addEventListener('change', function (e) {
    ui.as = e.target.value; ui.thread = null; ui.channel = ''; ui.suggestions = {};
    localStorage.setItem('sandbox.as', ui.as);
    shown = { messages: '', thread: '', modal: '', home: '', channels: '', people: '', log: '' };
    refresh();
  });

  $('command-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = $('command');
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    if (ui.tab !== 'channel') ui.tab = 'channel';
    after(api('command', { as: ui.as, channel: ui.channel, text: text }));
  });

  $('thread-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = $('thread-reply');
    var text = input.value.trim();
    if (!text || !ui.thread) return;
    input.value = '';
    after(api('message', { as: ui.as, channel: ui.channel, text: text, threadTs: ui.thread }));
  });

  $('modal-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var modal = $('modal');
    after(api('submit', { as: ui.as, viewId: modal.dataset.viewId, values: collectValues(modal) }));
  });

  refresh();
  setInterval(refresh, 1000);
})();
`;
