package nl.signaalpoort.routing;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Finds the connected municipality responsible for an address. The table may hold every Dutch
 * municipality (the official table); only the registered ones are connected, the rest resolve to none.
 */
@Component
public class MunicipalityResolver {

    private final PostcodeTable table;
    private final MunicipalityRegistry registry;

    @Autowired
    public MunicipalityResolver(RoutingProperties properties, MunicipalityRegistry registry) {
        this(PostcodeTable.load(properties.postcodeTable()), registry);
    }

    MunicipalityResolver(PostcodeTable table, MunicipalityRegistry registry) {
        this.table = table;
        this.registry = registry;
    }

    /** Empty when the postcode is unknown or maps to a municipality that is not connected. */
    public Optional<Municipality> resolve(String postcode, int houseNumber) {
        return table.municipalityCode(postcode, houseNumber).flatMap(registry::byCode);
    }
}
