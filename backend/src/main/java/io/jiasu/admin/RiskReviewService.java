package io.jiasu.admin;

import io.jiasu.platform.Validation;
import io.jiasu.risk.HeldHelpView;
import io.jiasu.risk.PolicyChoice;
import io.jiasu.risk.ReviewService;
import io.jiasu.risk.RiskService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Operators' decisions on risky helps, each audited with the signed-in name: held-help reviews and campaign policies. */
@ApplicationScoped
class RiskReviewService {
    private final ReviewService reviews;
    private final RiskService risk;
    private final AuditService audit;
    private final Validation validation;

    RiskReviewService(ReviewService reviews, RiskService risk, AuditService audit, Validation validation) {
        this.reviews = reviews;
        this.risk = risk;
        this.audit = audit;
        this.validation = validation;
    }

    /** Approves or rejects a held help; a repeat changes nothing and answers the first decision. Audited either way. */
    Uni<HeldHelpView> review(String campaignId, String id, ReviewDecision decision, Operator operator) {
        return audit.run(
                operator,
                "help.review",
                campaignId + "/" + id,
                () -> reviews.decide(campaignId, id, validation.valid(decision).decision(), operator.name()),
                help -> "decision=" + decision.decision() + " state=" + help.state());
    }

    Uni<PolicyChoice> choose(String campaignId, PolicyChoice choice, Operator operator) {
        return audit.run(
                operator,
                "risk.policy",
                campaignId,
                () -> risk.choose(campaignId, choice, operator.name()),
                chosen -> "policy=" + chosen.policy().name().toLowerCase(Locale.ROOT));
    }
}
