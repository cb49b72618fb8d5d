package org.cacheway.session.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.cacheway.session.Session;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.SessionUpdateException;
import org.cacheway.session.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's {@code SessionMiddleware} as a servlet filter: a lazy {@link Session} from the session
 * cookie for every request ({@link #session(ServletRequest)}), and on the way out, before the
 * response commits: the cookie deleted when the request carried one and the session was emptied,
 * {@code Vary: Cookie} when the session was accessed, the session saved and its cookie sent when
 * it was modified (or {@code SESSION_SAVE_EVERY_REQUEST}) unless the status is 5xx. A save of a
 * session deleted meanwhile answers 400 with Django's message. A session cookie over
 * {@value SessionCookies#MAX_SIZE} bytes, which a browser could drop silently, is never sent:
 * {@link OversizedCookie} says whether that raises {@link SessionCookieTooLargeException} (the
 * default) or logs and sends the response without it.
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(new SessionFilter(sessions)), "/*", EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 */
public final class SessionFilter implements Filter {
    /** The request attribute holding the {@link Session}. */
    public static final String ATTRIBUTE = Session.class.getName();
    /** The servlet-context attribute where the no-argument constructor finds its {@link Sessions}. */
    public static final String SESSIONS_ATTRIBUTE = Sessions.class.getName();

    private static final Logger LOG = LoggerFactory.getLogger(SessionFilter.class);

    private Sessions sessions;
    private OversizedCookie oversized;

    /** A filter over {@code sessions} that raises on an oversized cookie. */
    public SessionFilter(Sessions sessions) {
        this(sessions, OversizedCookie.RAISE);
    }

    /** A filter over {@code sessions} that treats an oversized cookie as {@code oversized} says. */
    public SessionFilter(Sessions sessions, OversizedCookie oversized) {
        this.sessions = sessions;
        this.oversized = java.util.Objects.requireNonNull(oversized, "oversized");
    }

    /**
     * A filter for {@code web.xml}: {@link #init} takes the {@link Sessions} from the servlet context
     * and the {@link OversizedCookie} policy from the init parameter {@code SESSION_COOKIE_OVERSIZE}.
     */
    public SessionFilter() {
    }

    /** The session of a request passing through the filter, or null outside it. */
    public static Session session(ServletRequest request) {
        return (Session) request.getAttribute(ATTRIBUTE);
    }

    /**
     * Finds the {@link Sessions} in the servlet context attribute {@link #SESSIONS_ATTRIBUTE}, and the
     * oversized-cookie policy in the init parameter {@code SESSION_COOKIE_OVERSIZE}, when none was given.
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        if (oversized == null) {
            oversized = OversizedCookie.of(config.getInitParameter(OversizedCookie.SETTING));
        }
        if (sessions == null) {
            Object found = config.getServletContext().getAttribute(SESSIONS_ATTRIBUTE);
            if (!(found instanceof Sessions)) {
                throw new ServletException("SessionFilter needs a " + Sessions.class.getName()
                        + " in the servlet context attribute '" + SESSIONS_ATTRIBUTE + "'");
            }
            sessions = (Sessions) found;
        }
    }

    /** Attaches the session, runs the chain, and applies the response phase before the first commit. */
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || req.getAttribute(ATTRIBUTE) != null) {
            chain.doFilter(req, res);
            return;
        }
        String cookie = cookieValue(request, sessions.settings().cookieName());
        Session session = sessions.open(cookie);
        request.setAttribute(ATTRIBUTE, session);
        SessionResponse[] holder = new SessionResponse[1];
        holder[0] = new SessionResponse(response, () -> respond(session, cookie != null, holder[0]));
        chain.doFilter(request, holder[0]);
        holder[0].finish();
    }

    private void respond(Session session, boolean hadCookie, SessionResponse response) {
        SessionSettings settings = sessions.settings();
        if (hadCookie && session.isEmpty()) {
            response.addHeader("Set-Cookie", SessionCookies.deletion(settings));
            SessionCookies.varyOnCookie(response);
            return;
        }
        if (session.isAccessed()) {
            SessionCookies.varyOnCookie(response);
        }
        if (!(session.isModified() || settings.saveEveryRequest()) || session.isEmpty()) {
            return;
        }
        Long maxAge = session.getExpireAtBrowserClose() ? null : session.getExpiryAge();
        if (response.getStatus() >= 500) {
            return;
        }
        try {
            session.save();
        } catch (SessionUpdateException e) {
            try {
                response.replaceWith(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            return;
        }
        String cookie = SessionCookies.session(settings, session.sessionKey(), maxAge, sessions.clock().instant());
        int size = SessionCookies.size(cookie);
        if (size <= SessionCookies.MAX_SIZE) {
            response.addHeader("Set-Cookie", cookie);
        } else if (oversized == OversizedCookie.LOG) {
            LOG.warn("The session cookie '{}' would be {} bytes, over the {} bytes browsers must keep; the response"
                    + " goes without it ({} = log)", settings.cookieName(), size, SessionCookies.MAX_SIZE,
                    OversizedCookie.SETTING);
        } else {
            throw new SessionCookieTooLargeException(settings.cookieName(), size);
        }
    }

    private static String cookieValue(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String found = null;
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                found = cookie.getValue();
            }
        }
        return found;
    }
}
