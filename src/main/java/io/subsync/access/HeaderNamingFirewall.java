package io.subsync.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Enumeration;
import java.util.function.Supplier;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, naming the header it refuses. The strict firewall checks a header only when it is
 * read (in a filter, or deep among a controller's arguments) and says which only in its message; this turns the
 * refusal into {@link RejectedHeader}, which names it.
 */
final class HeaderNamingFirewall implements HttpFirewall {
    private final HttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        FirewalledRequest checked = strict.getFirewalledRequest(request);
        return new FirewalledRequest(checked) {
            @Override
            public void reset() {
                checked.reset();
            }

            @Override
            public String getHeader(String name) {
                return named(name, () -> super.getHeader(name));
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                // Read at once: the strict firewall checks each value as the enumeration hands it out.
                return named(name, () -> Collections.enumeration(Collections.list(super.getHeaders(name))));
            }

            @Override
            public long getDateHeader(String name) {
                return named(name, () -> super.getDateHeader(name));
            }

            @Override
            public int getIntHeader(String name) {
                return named(name, () -> super.getIntHeader(name));
            }
        };
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    private static <T> T named(String header, Supplier<T> read) {
        try {
            return read.get();
        } catch (RequestRejectedException refused) {
            throw new RejectedHeader(header);
        }
    }
}
