package io.jiasu.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The subscribe message a player gets on reaching the goal. The template (chosen in the WeChat console) must have
 * the keywords thing1 (campaign), phrase2 (result), thing3 (what to do next) and time4 (claim deadline, or arrival).
 */
@ConfigMapping(prefix = "jiasu.notify")
interface NotifyConfig {
    /**
     * The template id from the WeChat console (SUBSCRIBE_TEMPLATE_ID; its default is in application.properties); the
     * mini-program asks consent for the same id.
     */
    String templateId();

    /** The mini-program page the message opens, without a leading slash; {@code ?cid=} is appended. */
    @WithDefault("pages/home/home")
    String page();
}
