// The claim form's rules, checked as the user types so the server's 422 is the exception, not the feedback.

const PHONE = /^1[3-9]\d{9}$/

/** Length in code points, as the server counts them (an emoji is one character, not two). */
const length = (text) => Array.from(text).length

const RULES = {
  name(value) {
    if (length(value) === 0) return '请填写收件人姓名'
    if (length(value) > 20) return '姓名最多20个字'
    return ''
  },
  phone(value) {
    return PHONE.test(value) ? '' : '请填写11位手机号码'
  },
  address(value) {
    if (length(value) === 0) return '请填写收货地址'
    if (length(value) < 5) return '地址太短了，请写到门牌号'
    if (length(value) > 120) return '地址最多120个字'
    return ''
  },
}

const FIELDS = Object.keys(RULES)

/** @returns {string} the problem with one field's value, or '' when it is fine */
function checkField(field, value) {
  return RULES[field](String(value || '').trim())
}

/** @returns {Record<string, string>} a message per field that has a problem (empty when the form can go) */
function checkForm(form) {
  /** @type {Record<string, string>} */
  const errors = {}
  FIELDS.forEach((field) => {
    const message = checkField(field, form[field])
    if (message) errors[field] = message
  })
  return errors
}

/** The form as sent: trimmed values. */
function claimBody(form) {
  /** @type {Record<string, string>} */
  const body = {}
  FIELDS.forEach((field) => {
    body[field] = String(form[field] || '').trim()
  })
  return body
}

module.exports = { FIELDS, checkField, checkForm, claimBody }
