import { BLOCK_KIT_RENDERER_JS } from './block-kit-renderer.ts';
import { SANDBOX_APP_JS } from './sandbox-app.ts';

const STYLE = `
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1d1c1d; height: 100vh; display: flex; }
aside { width: 260px; background: #3f0e40; color: #e8dfe8; padding: 12px; display: flex; flex-direction: column; gap: 10px; overflow-y: auto; }
aside h1 { font-size: 17px; margin: 0; color: #fff; }
aside label { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; opacity: .8; }
aside select { width: 100%; padding: 4px; }
aside ul { list-style: none; margin: 0; padding: 0; }
aside button.channel, #home-tab { width: 100%; text-align: left; background: none; border: 0; color: inherit; padding: 3px 8px; border-radius: 5px; cursor: pointer; font: inherit; }
aside button.active { background: #1164a3; color: #fff; }
main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
header.top { padding: 10px 16px; border-bottom: 1px solid #ddd; font-weight: 700; }
#workspace { flex: 1; display: flex; min-height: 0; }
#channel-view { flex: 1; display: flex; flex-direction: column; min-width: 0; }
#messages, #home { flex: 1; overflow-y: auto; padding: 8px 16px; }
#thread { width: 380px; border-left: 1px solid #ddd; display: flex; flex-direction: column; }
#thread header { padding: 8px 12px; border-bottom: 1px solid #ddd; display: flex; justify-content: space-between; }
#thread-messages { flex: 1; overflow-y: auto; padding: 8px 12px; }
.message { padding: 6px 0; border-bottom: 1px solid #f3f3f3; }
.message.ephemeral { background: #f8f8f8; border-left: 3px solid #1264a3; padding-left: 8px; }
.meta { font-size: 13px; color: #616061; }
.meta .author { color: #1d1c1d; }
.app-badge { background: #ddd; font-size: 10px; padding: 0 3px; border-radius: 2px; }
.only-you { font-style: italic; }
.thread-link { background: none; border: 0; color: #1264a3; cursor: pointer; padding: 0; font: inherit; font-size: 13px; }
.reaction { display: inline-block; border: 1px solid #ddd; border-radius: 10px; padding: 0 6px; font-size: 13px; margin-right: 4px; }
.mention, .channel-ref { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
code { background: #f6f6f6; border: 1px solid #e5e5e5; border-radius: 3px; padding: 0 3px; color: #e01e5a; font-size: 13px; }
pre { background: #f6f6f6; border: 1px solid #e5e5e5; border-radius: 4px; padding: 8px; white-space: pre-wrap; }
blockquote { border-left: 4px solid #ddd; margin: 0; padding-left: 8px; }
.bk-section { display: flex; gap: 12px; margin: 4px 0; }
.bk-section-main { flex: 1; }
.bk-fields { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; margin-top: 4px; }
.bk-header { margin: 8px 0 4px; font-size: 17px; }
.bk-divider { border: 0; border-top: 1px solid #ddd; margin: 8px 0; }
.bk-context { font-size: 12px; color: #616061; margin: 4px 0; }
.bk-actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; }
.bk-button { background: #fff; border: 1px solid #bbb; border-radius: 4px; padding: 3px 12px; font: inherit; font-weight: 600; cursor: pointer; }
.bk-button.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.bk-button.danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
.img-alt { color: #616061; font-style: italic; }
.bk-input { margin: 10px 0; }
.bk-label { display: block; font-weight: 700; margin-bottom: 4px; }
.bk-text, .bk-select, .bk-date, .bk-time, .bk-ext-query { width: 100%; padding: 6px; font: inherit; border: 1px solid #bbb; border-radius: 4px; }
.bk-actions .bk-select, .bk-accessory .bk-select { width: auto; }
.bk-choice { display: block; }
.bk-hint { font-size: 12px; color: #616061; }
.has-error .bk-text, .has-error .bk-select { border-color: #e01e5a; }
.field-error { color: #e01e5a; font-size: 13px; }
form.compose { display: flex; gap: 8px; padding: 10px 16px; border-top: 1px solid #ddd; }
form.compose input { flex: 1; padding: 8px; font: inherit; border: 1px solid #bbb; border-radius: 6px; }
form.compose button, #modal footer button { padding: 6px 14px; font: inherit; border-radius: 4px; border: 1px solid #bbb; background: #fff; cursor: pointer; }
#send, #modal footer #modal-submit { background: #007a5a; border-color: #007a5a; color: #fff; }
#modal { position: fixed; inset: 0; background: rgba(0,0,0,.45); display: flex; align-items: center; justify-content: center; }
#modal[hidden], [hidden] { display: none !important; }
#modal form { background: #fff; width: 560px; max-height: 90vh; display: flex; flex-direction: column; border-radius: 8px; }
#modal header { padding: 14px 18px; border-bottom: 1px solid #ddd; display: flex; justify-content: space-between; }
#modal h2 { margin: 0; font-size: 20px; }
#modal-body { padding: 8px 18px; overflow-y: auto; }
#modal footer { padding: 12px 18px; border-top: 1px solid #ddd; display: flex; justify-content: flex-end; gap: 8px; }
#log { font-size: 12px; padding-left: 16px; margin: 0; }
#log .bad { color: #ffb3c7; }
#toast { position: fixed; bottom: 70px; right: 20px; background: #e01e5a; color: #fff; padding: 8px 14px; border-radius: 6px; max-width: 480px; }
.empty { color: #888; }
`;

export function sandboxHtml(title: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<aside>
  <h1>${esc(title)}</h1>
  <label for="as">Acting as</label>
  <select id="as" data-testid="as"></select>
  <button type="button" id="home-tab" data-testid="home-tab">Home</button>
  <label>Channels</label>
  <ul id="channels" data-testid="channels"></ul>
  <label>Requests to the bot</label>
  <ul id="log" data-testid="log"></ul>
</aside>
<main>
  <header class="top" id="channel-title" data-testid="channel-title"></header>
  <div id="workspace">
    <section id="channel-view">
      <div id="messages" role="log" aria-live="polite" data-testid="messages"></div>
      <form class="compose" id="command-form" autocomplete="off">
        <input id="command" name="command" data-testid="command" placeholder="/k8s-infra help — or type a message" aria-label="Message or slash command">
        <button type="submit" id="send" data-testid="send">Send</button>
      </form>
    </section>
    <section id="home" data-testid="home" hidden></section>
    <section id="thread" data-testid="thread" hidden>
      <header><b>Thread</b><button type="button" id="thread-close" aria-label="Close thread">✕</button></header>
      <div id="thread-messages"></div>
      <form class="compose" id="thread-form" autocomplete="off">
        <input id="thread-reply" data-testid="thread-reply" placeholder="Reply…" aria-label="Reply in thread">
        <button type="submit" id="thread-send">Reply</button>
      </form>
    </section>
  </div>
</main>
<div id="modal" role="dialog" aria-modal="true" aria-labelledby="modal-title" data-testid="modal" hidden>
  <form id="modal-form" novalidate>
    <header><h2 id="modal-title"></h2><span id="modal-depth"></span></header>
    <div id="modal-body"></div>
    <footer>
      <button type="button" id="modal-close" data-testid="modal-close">Cancel</button>
      <button type="submit" id="modal-submit" data-testid="modal-submit">Submit</button>
    </footer>
  </form>
</div>
<div id="toast" role="alert" data-testid="toast" hidden></div>
<script>${BLOCK_KIT_RENDERER_JS}</script>
<script>${SANDBOX_APP_JS}</script>
</body>
</html>
`;
}
