package org.cacheway.examples.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** Products and actuator open, {@code /me} behind Spring Security's form login; one demo user. */
@Configuration(proxyBeanMethods = false)
public class ShopSecurity {
    /** The demo user's name. */
    public static final String USER = "ada";
    /** The demo user's password. */
    public static final String PASSWORD = "lovelace";

    @Bean
    SecurityFilterChain shopFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/products/**", "/lookups", "/actuator/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/products/**"))
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService shopUsers() {
        return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
    }
}
