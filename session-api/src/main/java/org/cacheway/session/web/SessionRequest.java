package org.cacheway.session.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import org.cacheway.session.Session;

/**
 * A request whose {@link #getSession} is the Cacheway {@link Session} the {@link SessionFilter}
 * opened, and whose {@link #changeSessionId()} is Django's {@code cycle_key()}. The container's
 * own session is never touched.
 */
final class SessionRequest extends HttpServletRequestWrapper {
    private final Session session;
    private final AttributeCodec codec;
    private final SessionEvents events;
    private final String requestedId;
    private final long openedAt = System.currentTimeMillis();
    private HttpSessionAdapter current;

    SessionRequest(HttpServletRequest request, Session session, AttributeCodec codec, SessionEvents events) {
        super(request);
        this.session = session;
        this.codec = codec;
        this.events = events;
        this.requestedId = session.sessionKey();
    }

    /**
     * The session the cookie names when its record exists; else, with {@code create}, a new one
     * whose key is made when it is first saved or its id is asked for.
     */
    @Override
    public HttpSession getSession(boolean create) {
        if (current != null && current.isValid()) {
            return current;
        }
        if (current == null && requestedId != null && existing()) {
            current = adapter(false);
            return current;
        }
        if (!create) {
            return null;
        }
        current = adapter(true);
        return current;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    /** Django's {@code cycle_key()}: the data under a new key, the old record deleted; tells the id listeners. */
    @Override
    public String changeSessionId() {
        HttpSession http = getSession(false);
        if (http == null) {
            throw new IllegalStateException("changeSessionId() needs a session, and this request has none");
        }
        String oldId = session.sessionKey();
        session.cycleKey();
        events.idChanged(http, oldId);
        return session.sessionKey();
    }

    @Override
    public String getRequestedSessionId() {
        return requestedId;
    }

    /** Whether the cookie named a session whose record exists and was not invalidated in this request. */
    @Override
    public boolean isRequestedSessionIdValid() {
        return requestedId != null && requestedId.equals(session.sessionKey()) && existing()
                && (current == null || current.isValid());
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return requestedId != null;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    /**
     * Loads the session (a missing record drops its key) and says whether it is one: it has data, or
     * its record exists though empty. A signed cookie that does not verify loads empty, so it is none.
     */
    private boolean existing() {
        boolean hasData = !session.keys().isEmpty();
        String key = session.sessionKey();
        return key != null && !key.isEmpty() && (hasData || session.exists());
    }

    private HttpSessionAdapter adapter(boolean isNew) {
        return new HttpSessionAdapter(session, codec, events, getServletContext(), isNew, openedAt);
    }
}
