import { useState } from 'preact/hooks'
import { html } from './html.js'
import { api, session } from './api.js'

/** Sign in with the operators' admin token; the name goes into the audit log with every action. */
export function SignIn({ onSignedIn }) {
  const [token, setToken] = useState('')
  const [operator, setOperator] = useState(session.operator())
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  async function submit(event) {
    event.preventDefault()
    if (!token.trim()) return setError('请输入管理令牌')
    if (!operator.trim()) return setError('请填写你的名字，操作日志会记录它')
    setBusy(true)
    setError('')
    try {
      session.signIn(token.trim(), operator.trim())
      await api.check(token.trim())
      onSignedIn()
    } catch (err) {
      session.signOut()
      setError(err.status === 401 ? '管理令牌不正确' : `无法登录：${err.message}`)
    } finally {
      setBusy(false)
    }
  }

  return html`
    <form class="signin card" onSubmit=${submit}>
      <h1>加速 · 运营后台</h1>
      <label>你的名字<input name="operator" value=${operator} maxlength="40" onInput=${(e) => setOperator(e.target.value)} placeholder="例如：值班-小王" /></label>
      <label>管理令牌<input name="token" type="password" value=${token} autocomplete="off" onInput=${(e) => setToken(e.target.value)} placeholder="ADMIN_TOKEN" /></label>
      ${error && html`<p class="error" role="alert">${error}</p>`}
      <button class="primary" disabled=${busy}>${busy ? '登录中…' : '登录'}</button>
    </form>`
}
