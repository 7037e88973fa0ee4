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
import java.time.Duration;

/**
 * A campaign's window runs forward: it ends after it starts, lasts at most {@link CampaignDefinition#MAX_WINDOW},
 * and claims close no earlier than the end. Times left out are reported by their own {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = WindowInOrder.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface WindowInOrder {
    String message() default "the window must run forward";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports on {@code endsAt} and {@code claimDeadline}. */
    class Check implements ConstraintValidator<WindowInOrder, CampaignDefinition> {
        @Override
        public boolean isValid(CampaignDefinition d, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (d.startsAt() != null && d.endsAt() != null) {
                if (!d.endsAt().isAfter(d.startsAt())) {
                    valid = report(context, "endsAt", "must be after startsAt");
                } else if (Duration.between(d.startsAt(), d.endsAt()).compareTo(CampaignDefinition.MAX_WINDOW) > 0) {
                    valid = report(
                            context,
                            "endsAt",
                            "must be at most " + CampaignDefinition.MAX_WINDOW.toDays() + " days after startsAt");
                }
            }
            if (d.endsAt() != null
                    && d.claimDeadline() != null
                    && d.claimDeadline().isBefore(d.endsAt())) {
                valid = report(context, "claimDeadline", "must not be before endsAt");
            }
            return valid;
        }

        private static boolean report(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message)
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
