package io.jiasu.session;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** POST /session: the code wx.login gave the mini-program. */
record LoginRequest(
        @NotNull(message = WX_LOGIN_CODE) @Pattern(regexp = "[\\x21-\\x7e]{1,128}", message = WX_LOGIN_CODE)
        String code) {
    private static final String WX_LOGIN_CODE = "must be the code wx.login returned";
}
