# WeChat answers every call after 5 s, for 15 s.
CASE_TITLE="WeChat slow (5 s)"
source "$(dirname "${BASH_SOURCE[0]}")/../wechat.sh"
case_inject() { wechat_fault '{"delays": {"*": "5s"}}' 15; }
case_check() { wechat_check; }
