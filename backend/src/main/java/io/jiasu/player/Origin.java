package io.jiasu.player;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a join or a help came from, as the mini-program tells it (all optional): {@code via} the share code of the
 * card or poster that brought the user, {@code scene} the launch scene, {@code shareTicket} what
 * {@code wx.getShareInfo} or {@code wx.getGroupEnterInfo} returned for a card opened in a group. Never a reason to
 * refuse: whatever does not check is recorded as unknown.
 */
public record Origin(String via, Integer scene, ShareTicket shareTicket) {
    public static final Origin UNKNOWN = new Origin(null, null, null);

    /** The encrypted share info; only the server can open it, with the user's session_key. */
    public record ShareTicket(String encryptedData, String iv) {}

    /** A missing body is an unknown origin. */
    public static Origin orUnknown(Origin origin) {
        return origin == null ? UNKNOWN : origin;
    }

    /**
     * The origin a request body states: none (older clients send no body, with or without a content type) is unknown;
     * malformed JSON or wrong types fail as a bad request.
     */
    public static Origin read(ObjectMapper json, String body) throws JsonProcessingException {
        return body == null || body.isBlank() ? UNKNOWN : orUnknown(json.readValue(body, Origin.class));
    }
}
