package io.subsync.catalog.web;

import io.subsync.catalog.InvalidCatalogValue;
import io.subsync.catalog.UnknownProduct;
import io.subsync.catalog.domain.CatalogConflict;
import io.subsync.problems.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The catalogue's errors as RFC 9457 problem details. */
@RestControllerAdvice
@org.springframework.core.annotation.Order(0)
@ConditionalOnWebApplication
class CatalogProblems {

    @ExceptionHandler(InvalidCatalogValue.class)
    ProblemDetail invalid(InvalidCatalogValue e) {
        return Problems.field(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid value", e.field(), e.getMessage());
    }

    @ExceptionHandler(UnknownProduct.class)
    ProblemDetail unknown(UnknownProduct e) {
        return Problems.field(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown product", e.field(), e.getMessage());
    }

    @ExceptionHandler(CatalogConflict.class)
    ProblemDetail conflict(CatalogConflict e) {
        return Problems.field(HttpStatus.CONFLICT, "Already exists", e.field(), e.getMessage());
    }
}
