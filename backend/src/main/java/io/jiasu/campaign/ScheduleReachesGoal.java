package io.jiasu.campaign;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A well-formed schedule reaches the goal within {@link CampaignDefinition#MAX_HELPS_TO_GOAL} helps, so no player
 * is told to find more friends than anyone has. Judged only once goal and tiers are valid on their own.
 */
@Documented
@Constraint(validatedBy = ScheduleReachesGoal.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface ScheduleReachesGoal {
    String message() default "must reach the goal within " + CampaignDefinition.MAX_HELPS_TO_GOAL + " helps";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports on {@code schedule}. */
    class Check implements ConstraintValidator<ScheduleReachesGoal, CampaignDefinition> {
        @Override
        public boolean isValid(CampaignDefinition definition, ConstraintValidatorContext context) {
            Integer goal = definition.goal();
            if (goal == null
                    || goal < 1
                    || goal > CampaignDefinition.MAX_GOAL
                    || !Schedule.wellFormed(definition.schedule())
                    || new Schedule(definition.schedule()).helpsToReach(goal) <= CampaignDefinition.MAX_HELPS_TO_GOAL) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("schedule")
                    .addConstraintViolation();
            return false;
        }
    }
}
