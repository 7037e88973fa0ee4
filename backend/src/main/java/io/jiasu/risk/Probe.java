package io.jiasu.risk;

import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis side of a help's risk check, sent in the help's one Redis flush beside the gate's script: the read of the
 * helper's cached WeChat rank and the count of the player's helpers from the caller's network. Built by
 * {@link RiskService#probe}; the answers, in the order of {@link #commands}, go to {@link RiskService#judge}. A null
 * answer is an unknown signal (no rank cached, or the command failed).
 */
public final class Probe {
    /** Nothing to read: the help is refused anyway, or only the daily slot is asked for again. */
    public static final Probe NONE = new Probe(null, null);

    private final boolean asksRank;
    private final boolean countsNetwork;
    private final List<Request> commands;

    Probe(Request rank, Request network) {
        this.asksRank = rank != null;
        this.countsNetwork = network != null;
        List<Request> all = new ArrayList<>(2);
        if (rank != null) {
            all.add(rank);
        }
        if (network != null) {
            all.add(network);
        }
        this.commands = List.copyOf(all);
    }

    /** The commands to send, none when nothing is to be read (the rank is off and the address is no IP). */
    public List<Request> commands() {
        return commands;
    }

    /** The helper's cached rank, or null when unknown. */
    Integer rank(List<Response> answers) {
        return asksRank ? SignalStore.rank(answers.get(0)) : null;
    }

    /** How many helpers the player had from the caller's network in the window, this one included; 0 when unknown. */
    long networkHelpers(List<Response> answers) {
        if (!countsNetwork) {
            return 0;
        }
        Response answer = answers.get(asksRank ? 1 : 0);
        return answer == null ? 0 : SignalStore.helpers(answer);
    }
}
