package io.subsync.catalog.persistence;

import io.subsync.catalog.DisablePolicy;
import io.subsync.catalog.Product;
import io.subsync.catalog.ProductCode;
import io.subsync.catalog.domain.CatalogConflict;
import io.subsync.catalog.domain.Products;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Products in table {@code products}. */
@Repository
class JdbcProducts implements Products {
    private static final String COLUMNS = "code, name, badge, kind, disable_policy, created_at";
    private final JdbcClient jdbc;

    JdbcProducts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Product> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subsync.products ORDER BY kind = 'product', created_at, code")
                .query(JdbcProducts::map)
                .list();
    }

    @Override
    public Optional<Product> find(ProductCode code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subsync.products WHERE code = :code")
                .param("code", code.value())
                .query(JdbcProducts::map)
                .optional();
    }

    @Override
    public void add(Product product) {
        int inserted = jdbc.sql("""
                        INSERT INTO subsync.products (code, name, badge, kind, disable_policy, created_at)
                        VALUES (:code, :name, :badge, 'product', :policy, :at)
                        ON CONFLICT (code) DO NOTHING""")
                .param("code", product.code().value())
                .param("name", product.name())
                .param("badge", product.badge())
                .param("policy", product.disablePolicy().code())
                .param("at", Timestamp.from(product.createdAt()))
                .update();
        if (inserted == 0) {
            throw new CatalogConflict("code", "product '" + product.code() + "' already exists");
        }
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(
                new ProductCode(rs.getString("code")),
                rs.getString("name"),
                rs.getString("badge"),
                "platform".equals(rs.getString("kind")),
                DisablePolicy.valueOf(rs.getString("disable_policy").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("created_at").toInstant());
    }
}
