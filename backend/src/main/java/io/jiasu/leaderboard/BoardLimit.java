package io.jiasu.leaderboard;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * How many rows a board read may ask for, as the query gave it: a whole number from 1 to {@link
 * LeaderboardService#MAX_LIMIT}. The one limit policy of every board, public or the operators'.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "\\s*0*(100|[1-9][0-9]?)\\s*")
@ReportAsSingleViolation
@Target(PARAMETER)
@Retention(RUNTIME)
public @interface BoardLimit {
    String message() default "must be 1 to " + LeaderboardService.MAX_LIMIT;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
