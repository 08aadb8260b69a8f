package nl.signaalpoort.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query parameter the operation does not have (NL API Design Rules, invalid input is a
 * 400): a misspelt {@code afer=} must not silently read from the start. The parameters an
 * operation has are its handler's {@code @RequestParam}s, so the contract and this check cannot
 * differ by more than the code does.
 */
public class KnownParameters implements HandlerInterceptor {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && request.getQueryString() != null) {
            Set<String> allowed = known.computeIfAbsent(method.getMethod(), m -> names(method));
            for (String name : request.getParameterMap().keySet()) {
                if (!allowed.contains(name)) {
                    throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
                }
            }
        }
        return true;
    }

    private static Set<String> names(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .map(p -> p.getParameterAnnotation(RequestParam.class) == null ? null : name(p, p.getParameterAnnotation(RequestParam.class)))
                .filter(n -> n != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String name(MethodParameter parameter, RequestParam annotation) {
        if (!annotation.name().isEmpty()) {
            return annotation.name();
        }
        if (!annotation.value().isEmpty()) {
            return annotation.value();
        }
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        return parameter.getParameterName();
    }
}
