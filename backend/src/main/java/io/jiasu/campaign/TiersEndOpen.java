package io.jiasu.campaign;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

/** A schedule's tiers each cover at least one help, except the last, which is open-ended (helpers null). */
@Documented
@Constraint(validatedBy = TiersEndOpen.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@interface TiersEndOpen {
    String message() default "only the last tier is open-ended";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Names each tier whose helpers break the rule ({@code schedule[i].helpers}). */
    class Check implements ConstraintValidator<TiersEndOpen, List<Tier>> {
        @Override
        public boolean isValid(List<Tier> tiers, ConstraintValidatorContext context) {
            if (tiers == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (int i = 0; i < tiers.size(); i++) {
                Tier tier = tiers.get(i);
                boolean last = i == tiers.size() - 1;
                if (tier == null || tier.coversHelps(last)) {
                    continue;
                }
                valid = false;
                context.buildConstraintViolationWithTemplate(
                                last
                                        ? "the last tier must be open-ended (null)"
                                        : "must be at least 1; only the last tier is open-ended")
                        .addPropertyNode("helpers")
                        .inIterable()
                        .atIndex(i)
                        .addConstraintViolation();
            }
            return valid;
        }
    }
}
