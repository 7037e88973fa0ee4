# WeChat answers errcode -1 ("system busy") to every call, for 15 s.
CASE_TITLE="WeChat busy (-1)"
source "$(dirname "${BASH_SOURCE[0]}")/../wechat.sh"
case_inject() { wechat_fault '{"faults": {"*": "busy"}}' 15; }
case_check() { wechat_check; }
