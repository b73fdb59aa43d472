package io.subsync.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.tenancy.domain.ChangeFromMaster.Decision.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeFromMasterTest {

    private static ChangeFromMaster.Facts active(String tier) {
        return new ChangeFromMaster.Facts(true, true, true, true, Optional.of(tier), Optional.empty(), "pro", true);
    }

    private static ChangeFromMaster.Facts switchedOff(Optional<String> activeTier, String lastEndReason) {
        return new ChangeFromMaster.Facts(
                true, true, true, false, activeTier, Optional.ofNullable(lastEndReason), "pro", true);
    }

    @Test
    void aCancelOfAnActiveSubscriptionCancelsIt() {
        assertThat(new ChangeFromMaster("pawnshop", "cancelled", "pro")
                        .decide(active("pro"))
                        .kind())
                .isEqualTo(Kind.CANCEL);
    }

    @Test
    void aCancelOfWhatIsCancelledAlreadyChangesNothing() {
        assertThat(new ChangeFromMaster("pawnshop", "cancelled", "pro")
                        .decide(switchedOff(Optional.empty(), ChangeFromMaster.CANCELLED_IN_MASTER))
                        .kind())
                .isEqualTo(Kind.UNCHANGED);
    }

    @Test
    void anotherTierMovesTheSubscription() {
        ChangeFromMaster.Decision decision =
                new ChangeFromMaster("pawnshop", "active", "enterprise").decide(active("pro"));
        assertThat(decision.kind()).isEqualTo(Kind.MOVE);
        assertThat(decision.tier()).isEqualTo("enterprise");
    }

    @Test
    void thePlatformAtItsTierButAnotherTenantPlanMovesThePlan() {
        ChangeFromMaster.Facts fallback = new ChangeFromMaster.Facts(
                true, true, true, true, Optional.of("starter"), Optional.empty(), "pro", true);
        assertThat(new ChangeFromMaster("platform", "active", "starter")
                        .decide(fallback)
                        .kind())
                .isEqualTo(Kind.MOVE);
        assertThat(new ChangeFromMaster("pawnshop", "active", "starter")
                        .decide(fallback)
                        .kind())
                .isEqualTo(Kind.UNCHANGED);
    }

    @Test
    void masterMayUndoItsOwnCancelButNotTheTenantsSwitchingOff() {
        ChangeFromMaster reactivation = new ChangeFromMaster("pawnshop", "active", "pro");
        assertThat(reactivation
                        .decide(switchedOff(Optional.empty(), ChangeFromMaster.CANCELLED_IN_MASTER))
                        .kind())
                .isEqualTo(Kind.REACTIVATE);
        ChangeFromMaster.Decision tenantsChoice = reactivation.decide(switchedOff(Optional.of("pro"), null));
        assertThat(tenantsChoice.kind()).isEqualTo(Kind.NOT_APPLICABLE);
        assertThat(tenantsChoice.why()).isEqualTo("the tenant has switched pawnshop off");
        assertThat(reactivation
                        .decide(switchedOff(Optional.empty(), "product_disabled"))
                        .kind())
                .isEqualTo(Kind.NOT_APPLICABLE);
    }

    @Test
    void aCancelledPlatformComesBackWhenMasterReactivatesIt() {
        assertThat(new ChangeFromMaster("platform", "active", "pro")
                        .decide(switchedOff(Optional.empty(), ChangeFromMaster.CANCELLED_IN_MASTER))
                        .kind())
                .isEqualTo(Kind.REACTIVATE);
    }

    @Test
    void aTierTheCatalogueLacksOrAStatusATenantCannotHaveIsNotApplicable() {
        ChangeFromMaster.Facts noPlan =
                new ChangeFromMaster.Facts(true, true, true, true, Optional.of("pro"), Optional.empty(), "pro", false);
        assertThat(new ChangeFromMaster("pawnshop", "active", "trial")
                        .decide(noPlan)
                        .why())
                .isEqualTo("the catalogue has no active pawnshop plan for Master's tier 'trial'");
        assertThat(new ChangeFromMaster("pawnshop", "paused", "pro")
                        .decide(active("pro"))
                        .why())
                .contains("Master's status 'paused' has no counterpart");
    }

    @Test
    void aTenantThatIsGoneOrOwnedByAnotherUserIsNotChanged() {
        ChangeFromMaster change = new ChangeFromMaster("pawnshop", "cancelled", "pro");
        assertThat(change.decide(new ChangeFromMaster.Facts(
                                false, false, false, false, Optional.empty(), Optional.empty(), "pro", false))
                        .kind())
                .isEqualTo(Kind.NOT_APPLICABLE);
        assertThat(change.decide(new ChangeFromMaster.Facts(
                                true, false, true, true, Optional.of("pro"), Optional.empty(), "pro", true))
                        .kind())
                .isEqualTo(Kind.UNCHANGED);
    }
}
