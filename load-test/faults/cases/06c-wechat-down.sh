# WeChat closes every connection without an answer, for 15 s.
CASE_TITLE="WeChat down"
source "$(dirname "${BASH_SOURCE[0]}")/../wechat.sh"
case_inject() { wechat_fault '{"faults": {"*": "down"}}' 15; }
case_check() { wechat_check; }
