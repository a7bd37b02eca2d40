import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BLOCK_KIT_RENDERER_JS } from '../../src/sandbox/page/block-kit-renderer.ts';
import { SANDBOX_APP_JS } from '../../src/sandbox/page/sandbox-app.ts';

interface BlockKit {
  mrkdwn(text: string, names?: { users?: Record<string, string>; channels?: Record<string, string> }): string;
  blocks(blocks: unknown[], ctx?: Record<string, unknown>): string;
}

// The renderer is browser code shipped as a string; run it the way the page does, in a fresh global scope.
const context = vm.createContext({});
vm.runInContext(`${BLOCK_KIT_RENDERER_JS}; globalThis.BlockKit = BlockKit;`, context);
const kit = (context as { BlockKit: BlockKit }).BlockKit;
const names = { users: { U0ALICE: 'alice' }, channels: { C0INFRA: 'wg-k8s-infra' } };

describe('mrkdwn', () => {
  it('renders bold, italic, strike, code, pre, quotes and line breaks', () => {
    expect(kit.mrkdwn('*on call* now: _alice_ ~bob~ `kubectl get po`')).toBe(
      '<b>on call</b> now: <i>alice</i> <s>bob</s> <code>kubectl get po</code>',
    );
    expect(kit.mrkdwn('```a *b*\n<c>```')).toBe('<pre>a *b*\n&lt;c&gt;</pre>');
    expect(kit.mrkdwn('&gt; quoted\nnext')).toBe('<blockquote>quoted</blockquote><br>next');
    expect(kit.mrkdwn('file_name_here and 2*3*4')).toBe('file_name_here and 2*3*4');
  });

  it('renders links, user mentions as @name and channels as #name', () => {
    expect(kit.mrkdwn('<https://registry.k8s.io|registry> by <@U0ALICE> in <#C0INFRA> cc <!here>', names)).toBe(
      '<a href="https://registry.k8s.io" target="_blank" rel="noopener noreferrer">registry</a> by ' +
        '<span class="mention" data-user="U0ALICE">@alice</span> in <span class="channel-ref" data-channel="C0INFRA">#wg-k8s-infra</span> cc ' +
        '<span class="mention">@here</span>',
    );
    expect(kit.mrkdwn('<@U0BOB|bob> <#C0X|general> <!subteam^S1|@oncall>')).toContain('@bob');
    expect(kit.mrkdwn('*<@U0ALICE>* is up', names)).toBe('<b><span class="mention" data-user="U0ALICE">@alice</span></b> is up');
  });

  it('never lets message text inject HTML or script links', () => {
    expect(kit.mrkdwn('<img src=x onerror=alert(1)>')).not.toContain('<img');
    expect(kit.mrkdwn('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(kit.mrkdwn('<javascript:alert(1)|click>')).not.toContain('href');
    expect(kit.mrkdwn('"quoted" & \'single\'')).toBe('&quot;quoted&quot; &amp; &#39;single&#39;');
  });

  it('turns known emoji codes into emoji', () => {
    expect(kit.mrkdwn(':white_check_mark: done :no_such_emoji:')).toBe('\u2705 done :no_such_emoji:');
  });
});

describe('blocks', () => {
  it('renders sections with fields and an accessory button carrying its ids', () => {
    const html = kit.blocks([
      { type: 'header', block_id: 'h', text: { type: 'plain_text', text: 'registry.k8s.io' } },
      { type: 'section', block_id: 's', text: { type: 'mrkdwn', text: '*Status*' }, fields: [{ type: 'mrkdwn', text: 'a' }, { type: 'plain_text', text: 'b' }],
        accessory: { type: 'button', action_id: 'ack', value: 'v', style: 'primary', text: { type: 'plain_text', text: 'Ack' } } },
      { type: 'divider', block_id: 'd' },
      { type: 'context', block_id: 'c', elements: [{ type: 'mrkdwn', text: 'by <@U0ALICE>' }, { type: 'image', image_url: 'https://x/y.png', alt_text: 'logo' }] },
      { type: 'image', block_id: 'i', image_url: 'https://x/graph.png', alt_text: 'error rate graph' },
    ], { names });
    expect(html).toContain('<h3 class="bk-header" data-block-id="h">registry.k8s.io</h3>');
    expect(html).toContain('<div class="bk-fields"><div class="bk-field">a</div><div class="bk-field">b</div></div>');
    expect(html).toContain('data-kind="action" data-action-id="ack" data-block-id="s" data-type="button" data-dispatch="1" data-testid="button-ack"');
    expect(html).toContain('class="bk-button primary"');
    expect(html).toContain('@alice');
    expect(html).toContain('[logo]');
    expect(html).toContain('[image: error rate graph]');
    expect(html).not.toContain('<img');
  });

  it('renders actions with a static select, preselecting the current state', () => {
    const html = kit.blocks([{ type: 'actions', block_id: 'a', elements: [{
      type: 'static_select', action_id: 'sev', placeholder: { type: 'plain_text', text: 'Severity' },
      options: [{ text: { type: 'plain_text', text: 'SEV1' }, value: '1' }, { text: { type: 'plain_text', text: 'SEV2' }, value: '2' }],
    }] }], { state: { a: { sev: { type: 'static_select', selected_option: { value: '2' } } } } });
    expect(html).toContain('<option value="">Severity</option><option value="1">SEV1</option><option value="2" selected>SEV2</option>');
  });

  it('renders modal inputs with initial values, optional marks and inline errors', () => {
    const html = kit.blocks([
      { type: 'input', block_id: 'why', label: { type: 'plain_text', text: 'Why' }, element: { type: 'plain_text_input', action_id: 't', multiline: true, initial_value: 'because' } },
      { type: 'input', block_id: 'when', optional: true, label: { type: 'plain_text', text: 'When' }, element: { type: 'datepicker', action_id: 'd', initial_date: '2026-03-02' } },
      { type: 'input', block_id: 'who', label: { type: 'plain_text', text: 'Who' }, element: { type: 'users_select', action_id: 'u' } },
      { type: 'input', block_id: 'at', label: { type: 'plain_text', text: 'At' }, element: { type: 'timepicker', action_id: 'tm', initial_time: '09:30' } },
      { type: 'input', block_id: 'ok', label: { type: 'plain_text', text: 'OK' }, element: { type: 'checkboxes', action_id: 'c', options: [{ text: { type: 'mrkdwn', text: '*yes*' }, value: 'y' }] } },
      { type: 'input', block_id: 'r', label: { type: 'plain_text', text: 'Risk' }, element: { type: 'radio_buttons', action_id: 'rb', initial_option: { text: { type: 'plain_text', text: 'Low' }, value: 'low' },
        options: [{ text: { type: 'plain_text', text: 'Low' }, value: 'low' }, { text: { type: 'plain_text', text: 'High' }, value: 'high' }] } },
      { type: 'input', block_id: 'p', label: { type: 'plain_text', text: 'Project' }, element: { type: 'external_select', action_id: 'ps' } },
    ], { errors: { why: 'Say more' }, people: [{ id: 'U0ALICE', name: 'alice', real_name: 'Alice' }] });
    expect(html).toContain('<textarea class="bk-text" data-kind="input" data-action-id="t" data-block-id="why" data-type="plain_text_input" rows="4">because</textarea>');
    expect(html).toContain('<div class="field-error" role="alert" data-testid="error-why">Say more</div>');
    expect(html).toContain('<small>(optional)</small>');
    expect(html).toContain('type="date" data-kind="input" data-action-id="d" data-block-id="when" data-type="datepicker" value="2026-03-02"');
    expect(html).toContain('<option value="U0ALICE">Alice</option>');
    expect(html).toContain('type="time" data-kind="input" data-action-id="tm" data-block-id="at" data-type="timepicker" value="09:30"');
    expect(html).toContain('<input type="checkbox" name="r-ok-c" value="y"> <b>yes</b>');
    expect(html).toContain('value="low" checked');
    expect(html).toContain('class="bk-ext-query"');
  });
});

describe('the page script', () => {
  it('is valid plain JavaScript (the page has no build step)', () => {
    expect(() => new vm.Script(SANDBOX_APP_JS)).not.toThrow();
    expect(() => new vm.Script(BLOCK_KIT_RENDERER_JS)).not.toThrow();
  });
});
