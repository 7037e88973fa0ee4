import { useEffect, useRef } from 'preact/hooks'
import { html } from './html.js'

/** A modal question with a cancel and a (red) confirm button; Esc cancels. */
export function Confirm({ title, children, confirmLabel, onConfirm, onCancel, busy }) {
  const dialog = useRef(null)
  useEffect(() => {
    dialog.current.showModal()
    const cancel = (e) => { e.preventDefault(); onCancel() }
    dialog.current.addEventListener('cancel', cancel)
    return () => dialog.current && dialog.current.removeEventListener('cancel', cancel)
  }, [])
  return html`
    <dialog ref=${dialog} class="confirm" aria-labelledby="confirm-title">
      <h3 id="confirm-title">${title}</h3>
      <div class="body">${children}</div>
      <div class="bar end">
        <button type="button" onClick=${onCancel} disabled=${busy}>取消</button>
        <button type="button" class="danger" onClick=${onConfirm} disabled=${busy}>${busy ? '处理中…' : confirmLabel}</button>
      </div>
    </dialog>`
}
