package io.heliox.atlas.web.security;

import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.api.workspace.WorkspaceRole;
import io.heliox.atlas.command.application.identity.Principal;
import io.heliox.atlas.command.application.workspace.WorkspaceService;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.web.caller.AtlasAuthentication;
import io.heliox.atlas.web.caller.Caller;
import io.heliox.atlas.web.http.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The web side's one gate for workspaces and roles. For each request to an operation of the
 * contract it works out the workspace the request acts in (the path's {@code {workspaceId}}, else
 * the {@value #HEADER} header, else the {@value #COOKIE} cookie, else the caller's default workspace)
 * and the caller's role there,
 * and lets the request on only when the role covers the operation's {@code x-atlas-role}
 * ({@link OperationRoles}). A workspace the caller is not in answers 404 like one that does not
 * exist; a role too low answers 403. The outcome travels as the request's {@link Caller} (what
 * controllers read their scope from) and as the {@link Scope#METADATA_KEY} of the request's log
 * lines and commands.
 */
final class WorkspaceFilter extends OncePerRequestFilter {

    static final String HEADER = "Atlas-Workspace";
    /**
     * The browser's choice of workspace: the UI's switcher sets this cookie rather than a header,
     * because a link (a package download) or a page load cannot send a header, and every request of
     * the tab must act in the workspace its header shows. Named like the header; weaker than it.
     */
    static final String COOKIE = "atlas-workspace";

    private final OperationRoles roles;
    private final WorkspaceService workspaces;

    WorkspaceFilter(OperationRoles roles, WorkspaceService workspaces) {
        this.roles = roles;
        this.workspaces = workspaces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Principal> principal = AtlasAuthentication.principal(SecurityContextHolder.getContext().getAuthentication());
        Optional<OperationRoles.Match> match = roles.match(request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()));
        if (principal.isEmpty() || match.isEmpty() || match.get().need() == OperationRoles.Need.ANYONE) {
            chain.doFilter(request, response);
            return;
        }
        Principal caller = principal.get();
        OperationRoles.Need need = match.get().need();
        UUID workspace;
        boolean named;
        String fromPath = match.get().variables().get("workspaceId");
        String fromHeader = request.getHeader(HEADER);
        String fromCookie = fromHeader == null || fromHeader.isBlank() ? cookie(request) : null;
        boolean chosen = fromHeader != null || fromCookie != null;
        try {
            if (fromPath != null) {
                workspace = uuid(fromPath, "/path/workspaceId");
                named = true;
            } else if (fromHeader != null && !fromHeader.isBlank()) {
                workspace = uuid(fromHeader.strip(), "/header/" + HEADER);
                named = true;
            } else if (fromCookie != null) {
                workspace = uuid(fromCookie, "/cookie/" + COOKIE);
                named = true;
            } else {
                workspace = workspaces.defaultWorkspace(caller.userId()).orElse(null);
                named = false;
            }
        } catch (IllegalArgumentException e) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", e.getMessage(),
                    List.of(new Violation(e.getMessage().substring(0, e.getMessage().indexOf(' ')),
                            "a workspace id is a UUID", null)));
            return;
        }
        Optional<WorkspaceRole> role = workspace == null ? Optional.empty() : workspaces.role(caller.userId(), workspace);
        if (need == OperationRoles.Need.SYSTEM_ADMIN && !caller.systemAdmin()) {
            refuse(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "only a system administrator may do this", List.of());
            return;
        }
        if (named && role.isEmpty() && (need.inWorkspace() || chosen)
                && !(caller.systemAdmin() && workspaces.exists(workspace))) {
            refuse(request, response, HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "no workspace " + workspace, List.of());
            return;
        }
        if (need.inWorkspace() && !caller.systemAdmin()) {
            if (workspace == null) {
                refuse(request, response, HttpStatus.FORBIDDEN, "no-workspace", "No workspace",
                        "you are not a member of any workspace; an admin of one can add you", List.of());
                return;
            }
            WorkspaceRole needed = WorkspaceRole.valueOf(need.name());
            if (!role.orElseThrow().includes(needed)) {
                refuse(request, response, HttpStatus.FORBIDDEN, "role-required", "Role required",
                        match.get().operationId() + " needs the role " + needed.wireName() + " in the workspace; you are "
                                + role.get().wireName(), List.of());
                return;
            }
        }
        request.setAttribute(Caller.ATTRIBUTE, new Caller(caller, workspace, role.orElse(null)));
        if (workspace != null) {
            MDC.put(Scope.METADATA_KEY, workspace.toString());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(Scope.METADATA_KEY);
        }
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                return cookie.getValue().strip();
            }
        }
        return null;
    }

    private static UUID uuid(String text, String pointer) {
        try {
            UUID id = UUID.fromString(text);
            if (!id.toString().equals(text.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException(pointer + " is not a UUID");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(pointer + " is not a UUID");
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                               String title, String detail, List<Violation> errors) throws IOException {
        ProblemWriter.write(response, ProblemResponses.body(status, type, title, detail, errors, request));
    }
}
