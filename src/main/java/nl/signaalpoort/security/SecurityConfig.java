package nl.signaalpoort.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import nl.signaalpoort.api.ApiVersionFilter;
import nl.signaalpoort.api.OpenApiController;
import nl.signaalpoort.api.ProblemWriter;
import nl.signaalpoort.security.ratelimit.RateLimitFilter;
import nl.signaalpoort.security.ratelimit.RateLimits;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Mutual TLS is the only authentication: the TLS layer checks the chain against the trust store,
 * then the certificate's OIN must belong to a registered partner or municipality. Stateless, no
 * sessions, no cookies (so no CSRF surface).
 */
@Configuration
public class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'none'";
    static final String PARTNER = Role.PARTNER.name();
    static final String MUNICIPALITY = Role.MUNICIPALITY.name();

    /**
     * Actuator lives on the management port, bound to the loopback address or an internal network,
     * for probes and Prometheus: they read, nothing else is allowed.
     */
    @Bean
    @Order(1)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/**").permitAll().anyRequest().denyAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * Only the published contract may be read from other origins (NL API Design Rules,
     * /core/publish-openapi); every other path has no CORS policy, so browsers of other origins
     * are refused.
     */
    static CorsConfigurationSource contractReadableFromAnyOrigin() {
        CorsConfiguration anyOrigin = new CorsConfiguration();
        anyOrigin.addAllowedOrigin("*");
        anyOrigin.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
        anyOrigin.addAllowedHeader("*");
        anyOrigin.addExposedHeader(ApiVersionFilter.HEADER);
        anyOrigin.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(OpenApiController.JSON_PATH, anyOrigin);
        source.registerCorsConfiguration(OpenApiController.YAML_PATH, anyOrigin);
        return source;
    }

    /**
     * The token's cookie is written when the token is first used; on a long page that is after the
     * answer has started and the cookie would be lost. Load it at the start of every request instead.
     */
    private static CsrfTokenRequestHandler eagerToken() {
        XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
        handler.setCsrfRequestAttributeName(null);
        return handler;
    }

    /** A state-changing request to the operators' paths that a browser made (it says where from). */
    static boolean browserChange(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || !request.getRequestURI().startsWith("/ops")) {
            return false;
        }
        boolean browser = request.getHeader("Origin") != null || request.getHeader("Sec-Fetch-Mode") != null
                || request.getHeader("Referer") != null;
        return browser || !request.getRequestURI().startsWith("/ops/v1/");
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, OrganisationDirectory directory, ProblemResponder problems, RateLimits limits,
            ProblemWriter writer) throws Exception {
        return http
                .x509(x -> x.x509PrincipalExtractor(new OinExtractor()).authenticationUserDetailsService(directory))
                // Right after the identity is known, before any work is done for it.
                .addFilterAfter(new RateLimitFilter(limits, writer), X509AuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(OpenApiController.JSON_PATH, OpenApiController.YAML_PATH).permitAll()
                        // The SOAP channel answers every refusal with a SOAP fault, so it checks the caller itself.
                        .requestMatchers("/soap/**").permitAll()
                        .requestMatchers("/api/v1/signals/**", "/api/v1/feedback/**", "/api/v1/partners/me/**").hasRole(PARTNER)
                        .requestMatchers("/api/v1/outcomes/**", "/api/v1/notifications/**", "/api/v1/partners", "/api/v1/monitor/**", "/api/v1/contact-data-notices").hasRole(MUNICIPALITY)
                        .requestMatchers("/ops", "/ops/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.entryPoint()).accessDeniedHandler(problems.accessDenied()))
                // Spring Security's defaults (nosniff, X-Frame-Options DENY, no-store caching, HSTS) plus the
                // Content-Security-Policy the NL API Design Rules ask of every response.
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
                .cors(c -> c.configurationSource(contractReadableFromAnyOrigin()))
                // A browser presents the operator's certificate to any site that makes it post here: the
                // /ops page's forms carry a token (kept in a cookie, no session), and so must any browser
                // request to the operators' API. Programs (curl, scripts) send no browser headers.
                .csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository()).csrfTokenRequestHandler(eagerToken())
                        // Every request authenticates anew (mutual TLS, no session): a token renewed per login would
                        // change between the page and its form.
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy())
                        .requireCsrfProtectionMatcher(SecurityConfig::browserChange))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .build();
    }
}
