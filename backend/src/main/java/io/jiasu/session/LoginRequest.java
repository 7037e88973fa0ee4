package io.jiasu.session;

/** POST /session: the code wx.login gave the mini-program. */
record LoginRequest(String code) {}
