package io.subsync.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.catalog.ProductCode;
import io.subsync.catalog.Tier;
import io.subsync.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantTest {
    private static final Instant OPENED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-02-01T00:00:00Z");
    private static final ProductCode PAWNSHOP = new ProductCode("pawnshop");
    private static final ProductCode BNPL = new ProductCode("bnpl");

    private final Tenant tenant = Tenant.open(
            TenantId.random(), " Acme ", Tier.PRO, Optional.empty(), Map.of(PAWNSHOP, true, BNPL, false), OPENED);

    @Test
    void aChangeSaysWhichProductsItSwitchedOnAndOff() {
        Tenant.TenantChange change = tenant.change(
                new TenantPatch(
                        Optional.empty(), Optional.empty(), Optional.empty(), Map.of(PAWNSHOP, false, BNPL, true)),
                LATER);

        assertThat(change.switchedOn()).containsExactly(BNPL);
        assertThat(change.switchedOff()).containsExactly(PAWNSHOP);
        assertThat(change.planChanged()).isFalse();
        assertThat(change.tenant().enabledProducts()).containsExactly(BNPL);
        assertThat(change.tenant().updatedAt()).isEqualTo(LATER);
        assertThat(change.tenant().createdAt()).isEqualTo(OPENED);
    }

    @Test
    void switchingOnWhatIsAlreadyOnChangesNothing() {
        Tenant.TenantChange change = tenant.change(
                new TenantPatch(Optional.empty(), Optional.of(Tier.PRO), Optional.empty(), Map.of(PAWNSHOP, true)),
                LATER);

        assertThat(change.touchesSubscriptions()).isFalse();
    }

    @Test
    void aPlanChangeTouchesSubscriptions() {
        Tenant.TenantChange change = tenant.change(
                new TenantPatch(Optional.of("Acme Ltd"), Optional.of(Tier.ENTERPRISE), Optional.empty(), Map.of()),
                LATER);

        assertThat(change.planChanged()).isTrue();
        assertThat(change.touchesSubscriptions()).isTrue();
        assertThat(change.tenant().name()).isEqualTo("Acme Ltd");
        assertThat(change.tenant().plan()).isEqualTo(Tier.ENTERPRISE);
    }

    @Test
    void namesAreTrimmedAndMustNotBeBlank() {
        assertThat(tenant.name()).isEqualTo("Acme");
        assertThatThrownBy(() -> Tenant.open(TenantId.random(), "  ", Tier.PRO, Optional.empty(), Map.of(), OPENED))
                .isInstanceOf(InvalidTenantValue.class)
                .extracting("field")
                .isEqualTo("name");
    }

    @Test
    void aTenantNeedsAPlan() {
        assertThatThrownBy(() -> Tenant.open(TenantId.random(), "Acme", null, Optional.empty(), Map.of(), OPENED))
                .isInstanceOf(InvalidTenantValue.class)
                .extracting("field")
                .isEqualTo("plan");
    }
}
