package io.subsync.tenancy.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Master's state of one of a tenant's subscriptions (the platform's or a product's), and the rule that decides what it
 * does to the tenant. Master is the system of record, so its cancel, reactivation or tier is taken, through the same
 * rules as a tenant's own change: a product Master cancels is switched off (a switched-off product has no active
 * subscription to recreate), a product Master reactivates is switched on again, and a platform tier from Master is the
 * tenant's plan, which moves its products along. What cannot be taken is {@link Decision.Kind#NOT_APPLICABLE}, with the
 * reason, so the caller marks the pair diverged instead of dropping it.
 *
 * @param productType {@code platform} or a product code
 * @param status      Master's status, lower case
 * @param tier        the tier Master's plan maps to
 */
public record ChangeFromMaster(String productType, String status, String tier) {
    public static final String PLATFORM = "platform";
    /** The {@code end_reason} of a subscription Master cancelled. */
    public static final String CANCELLED_IN_MASTER = "master_cancelled";

    public ChangeFromMaster {
        Objects.requireNonNull(productType, "productType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tier, "tier");
    }

    /**
     * What the tenant has of this product now, read under the tenant's lock.
     *
     * @param tenantExists    the tenant still exists
     * @param ownedByTheUser  the tenant is still owned by the user whose Master account this is
     * @param knownProduct    the catalogue has the product (always true for the platform)
     * @param switchedOn      the product is switched on; for the platform: Master has not cancelled it
     * @param activeTier      the tier of its active subscription, if it has one
     * @param lastEndReason   why its last cancelled subscription ended, if one did
     * @param tenantPlan      the tenant's platform tier
     * @param planForTier     the catalogue has an active plan of this product at Master's tier
     */
    public record Facts(
            boolean tenantExists,
            boolean ownedByTheUser,
            boolean knownProduct,
            boolean switchedOn,
            Optional<String> activeTier,
            Optional<String> lastEndReason,
            String tenantPlan,
            boolean planForTier) {}

    /** What to do, and why when nothing can be done. */
    public record Decision(Kind kind, String tier, String why) {
        public enum Kind {
            /** The tenant already has Master's state. */
            UNCHANGED,
            /** Cancel the subscription; a product is switched off, the platform marked cancelled. */
            CANCEL,
            /** Reactivate the subscription (or create it) at {@code tier}; a product is switched on again. */
            REACTIVATE,
            /** Move the active subscription to {@code tier}; for the platform, the tenant's plan moves. */
            MOVE,
            /** Master's state cannot be taken: {@code why}. */
            NOT_APPLICABLE
        }

        public boolean applicable() {
            return kind != Kind.NOT_APPLICABLE;
        }

        static Decision of(Kind kind, String tier) {
            return new Decision(kind, tier, null);
        }

        static Decision notApplicable(String why) {
            return new Decision(Kind.NOT_APPLICABLE, null, why);
        }
    }

    public boolean platform() {
        return PLATFORM.equals(productType);
    }

    public Decision decide(Facts facts) {
        if (!facts.tenantExists()) {
            return Decision.notApplicable("the tenant no longer exists");
        }
        if (!facts.ownedByTheUser()) {
            // Another owner's account carries the tenant's subscriptions now; only this user's sync state follows.
            return Decision.of(Decision.Kind.UNCHANGED, null);
        }
        if (!facts.knownProduct()) {
            return Decision.notApplicable("the catalogue has no product '" + productType + "'");
        }
        if (status.equals("cancelled")) {
            return facts.activeTier().isPresent()
                    ? Decision.of(Decision.Kind.CANCEL, null)
                    : Decision.of(Decision.Kind.UNCHANGED, null);
        }
        if (!status.equals("active")) {
            return Decision.notApplicable("a tenant's subscription is active or cancelled; Master's status '" + status
                    + "' has no counterpart");
        }
        if (!facts.planForTier()) {
            return Decision.notApplicable(
                    "the catalogue has no active " + productType + " plan for Master's tier '" + tier + "'");
        }
        if (!facts.switchedOn()) {
            // Master may undo its own cancel; a product the tenant switched off stays off until someone decides.
            boolean cancelledByMaster = facts.activeTier().isEmpty()
                    && facts.lastEndReason().filter(CANCELLED_IN_MASTER::equals).isPresent();
            if (platform() || cancelledByMaster) {
                return Decision.of(Decision.Kind.REACTIVATE, tier);
            }
            return Decision.notApplicable("the tenant has switched " + productType + " off");
        }
        if (facts.activeTier().isEmpty()) {
            return Decision.of(Decision.Kind.REACTIVATE, tier);
        }
        boolean same = facts.activeTier().get().equals(tier)
                && (!platform() || facts.tenantPlan().equals(tier));
        return Decision.of(same ? Decision.Kind.UNCHANGED : Decision.Kind.MOVE, tier);
    }
}
