import { useState } from 'preact/hooks'
import { html } from './html.js'
import { api, session } from './api.js'

/**
 * Operators sign in as themselves through the company's identity provider; the admin token (for scripts, and for a
 * machine without the provider) stays as a second way in when the server has it on. Who signed in is the server's
 * answer (whoami), never a name typed here.
 */
export function SignIn({ onSignedIn, notice }) {
  const settings = session.settings()
  const [token, setToken] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  async function withToken(event) {
    event.preventDefault()
    if (!token.trim()) return setError('请输入管理令牌')
    setBusy(true)
    setError('')
    try {
      session.signInWithToken(token.trim())
      onSignedIn(await api.whoami())
    } catch (err) {
      await session.forget()
      setError(err.status === 401 ? '管理令牌不正确' : `无法登录：${err.message}`)
    } finally {
      setBusy(false)
    }
  }

  return html`
    <div class="signin card">
      <h1>加速 · 运营后台</h1>
      ${notice && html`<p class="notice" role="status">${notice}</p>`}
      ${settings.oidc && html`
        <button class="primary" data-sign-in="provider" onClick=${() => session.signInWithProvider()}>用公司账号登录</button>`}
      ${settings.token && html`
        <form onSubmit=${withToken}>
          ${settings.oidc && html`<p class="muted small">或用管理令牌（脚本与应急用，操作日志记为 token）</p>`}
          <label>管理令牌<input name="token" type="password" value=${token} autocomplete="off" onInput=${(e) => setToken(e.target.value)} placeholder="ADMIN_TOKEN" /></label>
          ${error && html`<p class="error" role="alert">${error}</p>`}
          <button class=${settings.oidc ? '' : 'primary'} disabled=${busy}>${busy ? '登录中…' : '用令牌登录'}</button>
        </form>`}
      ${!settings.oidc && !settings.token && html`<p class="error" role="alert">服务器未配置任何登录方式。</p>`}
    </div>`
}
