package io.subsync.ops.cli;

import io.subsync.catalog.Catalog;
import io.subsync.catalog.InvalidCatalogValue;
import io.subsync.catalog.Plan;
import io.subsync.catalog.UnknownProduct;
import io.subsync.catalog.domain.CatalogConflict;
import io.subsync.commandline.SpringArguments;
import io.subsync.ops.CatalogueFile;
import io.subsync.sync.PlanMapping;
import io.subsync.sync.mapping.MapServicePlans;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code subsync init FILE}: loads products, plans and service plan mappings from YAML, idempotently. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Loads catalogue and plan mappings from a YAML file.",
            "Loads products, plans and service plan mappings from a YAML file (see docs/init.md), in one",
            "transaction: all or nothing. Running it again changes nothing. Errors name the file and line.",
            "Then reports the catalogue plans that have no mapping to Master."
        })
public class InitCommand implements Callable<Integer> {
    @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "the YAML file")
    Path file;

    @CommandLine.Mixin
    SpringArguments spring;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file)) {
            err.println(file + ": cannot read the file");
            return 2;
        }
        List<CatalogueFile.Entry> entries;
        try {
            entries = CatalogueFile.read(file);
        } catch (CatalogueFile.Invalid e) {
            err.println(e.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext context = spring.tool(Map.of())) {
            Catalog catalog = context.getBean(Catalog.class);
            MapServicePlans mappings = context.getBean(MapServicePlans.class);
            int[] changed = {0, 0, 0};
            try {
                context.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
                    for (CatalogueFile.Entry entry : entries) {
                        changed[apply(entry, catalog, mappings)]++;
                    }
                });
            } catch (CatalogueFile.Invalid e) {
                err.println(e.getMessage());
                err.println("Nothing was changed.");
                return 2;
            }
            out.printf(
                    "%s: %d entries, %d added or changed, %d already as in the file.%n",
                    file, entries.size(), changed[1], changed[0]);
            List<Plan> unmapped = catalog.plans().stream()
                    .filter(plan -> mappings.resolve(
                                    plan.productType().value(), plan.tier().code())
                            .isEmpty())
                    .toList();
            if (unmapped.isEmpty()) {
                out.println("Every catalogue plan has a mapping to Master.");
            } else {
                out.printf(
                        "%d catalogue plan(s) have no mapping to Master (their subscriptions cannot be synced):%n",
                        unmapped.size());
                unmapped.forEach(plan -> out.printf(
                        "  serviceName: %s  planCode: %s  (%s)%n",
                        plan.productType(), plan.tier().code(), plan.name()));
            }
            out.flush();
            return 0;
        }
    }

    /** Applies one entry; returns 1 when it added or changed something, 0 when it was already so. */
    private int apply(CatalogueFile.Entry entry, Catalog catalog, MapServicePlans mappings) {
        try {
            switch (entry.section()) {
                case "products" -> {
                    if (productExists(catalog, entry.text("code"))) {
                        return 0;
                    }
                    catalog.addProduct(
                            entry.text("code"), entry.text("name"), entry.text("badge"), entry.text("disablePolicy"));
                }
                case "plans" -> {
                    if (planExists(catalog, entry.text("productType"), entry.text("tier"))) {
                        return 0;
                    }
                    catalog.addPlan(
                            entry.text("productType"),
                            entry.text("tier"),
                            entry.text("name"),
                            entry.text("price"),
                            entry.text("currency"),
                            entry.text("billingCycle"),
                            entry.list("features"));
                }
                default -> {
                    return mappings.map(mapping(entry)) ? 1 : 0;
                }
            }
            return 1;
        } catch (CatalogConflict e) {
            return 0;
        } catch (InvalidCatalogValue e) {
            throw new CatalogueFile.Invalid(
                    file, entry.line(), entry.section() + "." + e.field() + ": " + e.getMessage());
        } catch (UnknownProduct e) {
            throw new CatalogueFile.Invalid(
                    file,
                    entry.line(),
                    entry.section() + "." + e.field() + ": " + e.getMessage() + " (add it under products first)");
        }
    }

    /** Existing entries are kept as they are (checked first: a refused insert would spoil the transaction). */
    private static boolean productExists(Catalog catalog, String code) {
        return code != null
                && catalog.everyProduct().stream()
                        .anyMatch(p -> p.code().value().equalsIgnoreCase(code.trim()));
    }

    private static boolean planExists(Catalog catalog, String productType, String tier) {
        return productType != null
                && tier != null
                && catalog.plans().stream()
                        .anyMatch(p -> p.productType().value().equalsIgnoreCase(productType.trim())
                                && p.tier().code().equalsIgnoreCase(tier.trim()));
    }

    private PlanMapping mapping(CatalogueFile.Entry entry) {
        for (String field : List.of("serviceName", "planCode", "masterServiceId", "masterPlanTier")) {
            String value = entry.text(field);
            if (value == null || value.isBlank() || value.length() > 200) {
                throw new CatalogueFile.Invalid(
                        file, entry.line(), "mappings." + field + ": is required (1-200 characters)");
            }
        }
        return new PlanMapping(
                entry.text("serviceName").trim(),
                entry.text("planCode").trim(),
                entry.text("masterServiceId").trim(),
                entry.text("masterPlanTier").trim(),
                entry.list("features"));
    }
}
