package hub.ameen.platform.test.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test context's {@code hub.security.jwks-uri} at the
 * {@link TestTokens#shared() shared test key}, so that tokens from
 * {@code TestTokens.shared()} are accepted.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface UsesTestTokens {

}
