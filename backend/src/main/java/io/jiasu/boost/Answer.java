package io.jiasu.boost;

import io.jiasu.platform.ApiException;
import io.jiasu.platform.Problem;
import java.util.List;

/** The remembered answer to an idempotent help: the result, or the problem it was refused with. */
record Answer(BoostResult result, Problem problem) {
    BoostResult replay() {
        if (problem != null) {
            throw new ApiException(
                    problem.status(),
                    problem.code(),
                    problem.title(),
                    problem.detail(),
                    problem.errors() == null ? List.of() : problem.errors());
        }
        return result;
    }
}
