package be.coordinaat.access.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Accounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Dutch (nl-BE) by default, English on request. A signed-in user's choice is stored with the account; before
 * sign-in, {@code ?lang=en} switches the session.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale DUTCH = Locale.forLanguageTag("nl-BE");
    static final String SESSION_KEY = LocaleConfiguration.class.getName() + ".locale";

    @Bean
    LocaleResolver localeResolver(AccessControl access, Accounts accounts) {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                var session = request.getSession(false);
                if (session != null && session.getAttribute(SESSION_KEY) instanceof Locale l) {
                    return l;
                }
                return access.currentUser().map(u -> toLocale(u.locale())).orElse(DUTCH);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                Locale chosen = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : DUTCH;
                request.getSession().setAttribute(SESSION_KEY, chosen);
                access.currentUser().ifPresent(u -> accounts.setLocale(u.id(), chosen.toLanguageTag()));
            }
        };
    }

    static Locale toLocale(String tag) {
        return "en".equals(tag) ? Locale.ENGLISH : DUTCH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
    }
}
