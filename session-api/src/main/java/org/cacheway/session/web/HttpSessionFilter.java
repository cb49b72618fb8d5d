package org.cacheway.session.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionIdListener;
import java.io.IOException;
import java.util.EventListener;
import java.util.List;
import java.util.Objects;
import org.cacheway.cache.serializer.JavaSerializer;
import org.cacheway.session.Session;
import org.cacheway.session.Sessions;

/**
 * {@link SessionFilter} plus the servlet API's own session: behind this filter
 * {@code request.getSession()} is the Cacheway {@link Session} (any engine: cache, signed cookies,
 * Redis), so frameworks that use {@code HttpSession} (Spring Security, for one) keep their state
 * there and share it with Django and with every other instance of the application.
 *
 * <ul>
 *   <li>{@code changeSessionId()} is Django's {@code cycle_key()} (the new key, the old record
 *       deleted), as Spring Security calls it at login; {@code invalidate()} is {@code flush()};
 *       {@code setMaxInactiveInterval(s)} is {@code set_expiry(s)}.</li>
 *   <li>An attribute in Django's JSON data model is stored as it is, so Django reads it; any other
 *       object is stored Java-serialized through {@code objects}, whose allow-list must name its
 *       classes (for Spring Security: {@code org.springframework.security.*} and the JDK classes
 *       its objects hold). A class outside it fails {@code setAttribute} at once.</li>
 *   <li>{@code HttpSessionBindingListener} values, and the {@link HttpSessionAttributeListener}s
 *       and {@link HttpSessionIdListener}s given here, are told as the servlet spec says.</li>
 *   <li>The session is saved before the response commits, as {@link SessionFilter} does. An
 *       attribute object changed after {@code setAttribute} is not saved unless it is set again.</li>
 * </ul>
 *
 * <pre>{@code
 * JavaSerializer objects = new JavaSerializer(List.of("org.springframework.security.*"));
 * context.addFilter(new FilterHolder(new HttpSessionFilter(sessions, objects)), "/*", EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 */
public final class HttpSessionFilter implements Filter {
    private final SessionFilter sessions;
    private final AttributeCodec codec;
    private final SessionEvents events;

    /** A filter over {@code sessions} storing non-JSON attributes through {@code objects}. */
    public HttpSessionFilter(Sessions sessions, JavaSerializer objects) {
        this(new SessionFilter(sessions), objects, List.of());
    }

    /**
     * A filter around {@code sessions} (its cookie policy included) storing non-JSON attributes
     * through {@code objects} and telling {@code listeners}.
     *
     * @throws IllegalArgumentException for a listener that is neither an
     *     {@link HttpSessionAttributeListener} nor an {@link HttpSessionIdListener}
     */
    public HttpSessionFilter(SessionFilter sessions, JavaSerializer objects, List<? extends EventListener> listeners) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.codec = new AttributeCodec(objects);
        this.events = new SessionEvents(List.copyOf(listeners));
    }

    /** Initializes the wrapped {@link SessionFilter}. */
    @Override
    public void init(FilterConfig config) throws ServletException {
        sessions.init(config);
    }

    /** Opens the session through the {@link SessionFilter} and passes the chain a request whose session it is. */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        sessions.doFilter(request, response, (req, res) -> {
            Session session = SessionFilter.session(req);
            if (session == null || !(req instanceof HttpServletRequest http) || req instanceof SessionRequest) {
                chain.doFilter(req, res);
                return;
            }
            chain.doFilter(new SessionRequest(http, session, codec, events), res);
        });
    }
}
