const fs = require('fs')
const path = require('path')
const { MESSAGES, ApiError, messageFor } = require('../../src/lib/errors')

// The error codes of shared/API.md, pinned here so a fresh clone without shared/ still checks them.
const API_CODES = [
  'BAD_REQUEST', 'UNAUTHENTICATED', 'WX_CODE_INVALID', 'FORBIDDEN', 'SELF_BOOST', 'NOT_WINNER', 'WX_RISK_USER',
  'NOT_FOUND', 'ALREADY_BOOSTED', 'GOAL_REACHED', 'CAMPAIGN_NOT_STARTED', 'CAMPAIGN_ENDED', 'CLAIM_CLOSED',
  'PAYLOAD_TOO_LARGE', 'VALIDATION_FAILED', 'CONTENT_RISKY', 'DAILY_LIMIT', 'RATE_LIMITED', 'WX_UNAVAILABLE',
  'UNAVAILABLE', 'CAMPAIGN_LOCKED', 'UNSUPPORTED_MEDIA_TYPE',
]

test.each(API_CODES)('%s has its own Chinese message', (code) => {
  expect(MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/)
  expect(messageFor(code)).toBe(MESSAGES[code])
})

test('every code the shared API contract names is covered, when the contract is at hand', () => {
  const contract = path.join(__dirname, '..', '..', '..', '..', 'shared', 'API.md')
  const codes = fs.existsSync(contract)
    // A code stands alone in backticks (`NOT_FOUND`) or after its status (`415 UNSUPPORTED_MEDIA_TYPE`).
    ? [...fs.readFileSync(contract, 'utf8').matchAll(/`(?:\d{3} )?([A-Z][A-Z_]{3,})`/g)].map((m) => m[1])
    : API_CODES
  const missing = [...new Set(codes)].filter((code) => !MESSAGES[code] && !['UPCOMING', 'LIVE', 'ENDED', 'ADMIN_TOKEN'].includes(code))
  expect(missing).toEqual([])
})

test('messages are distinct, so a user can tell the failures apart', () => {
  const texts = Object.values(MESSAGES)
  expect(new Set(texts).size).toBe(texts.length)
})

test('an unknown code still reads as friendly Chinese', () => {
  expect(messageFor('SOMETHING_NEW')).toBe('出了点问题，请稍后再试')
  expect(new ApiError('SOMETHING_NEW', 418).message).toBe('出了点问题，请稍后再试')
})

test.each([
  ['NETWORK', 0, true],
  ['RATE_LIMITED', 429, true],
  ['UNAVAILABLE', 503, true],
  ['WX_UNAVAILABLE', 502, true],
  ['ALREADY_BOOSTED', 409, false],
  ['VALIDATION_FAILED', 422, false],
])('%s (%i) retryable: %s', (code, status, retryable) => {
  expect(new ApiError(code, status).retryable).toBe(retryable)
})
