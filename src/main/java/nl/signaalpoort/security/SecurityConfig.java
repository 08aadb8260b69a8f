package nl.signaalpoort.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Mutual TLS is the only authentication: the TLS layer checks the chain against the trust store,
 * then the certificate's OIN must belong to a registered partner or municipality. Stateless, no
 * sessions, no cookies (so no CSRF surface).
 */
@Configuration
public class SecurityConfig {

    static final String PARTNER = Role.PARTNER.name();
    static final String MUNICIPALITY = Role.MUNICIPALITY.name();

    /** Actuator lives on the management port, which is bound to localhost or an internal network. */
    @Bean
    @Order(1)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, OrganisationDirectory directory, ProblemResponder problems) throws Exception {
        return http
                .x509(x -> x.x509PrincipalExtractor(new OinExtractor()).authenticationUserDetailsService(directory))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/openapi.json").permitAll()
                        // The SOAP channel answers every refusal with a SOAP fault, so it checks the caller itself.
                        .requestMatchers("/soap/**").permitAll()
                        .requestMatchers("/api/v1/signals/**", "/api/v1/feedback/**", "/api/v1/partners/me/**").hasRole(PARTNER)
                        .requestMatchers("/api/v1/outcomes/**", "/api/v1/notifications/**").hasRole(MUNICIPALITY)
                        .requestMatchers("/ops/v1/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.entryPoint()).accessDeniedHandler(problems.accessDenied()))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .build();
    }
}
