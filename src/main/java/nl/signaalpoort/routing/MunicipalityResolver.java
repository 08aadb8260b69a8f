package nl.signaalpoort.routing;

import java.time.LocalDate;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the connected municipality responsible for an address. The table may hold every Dutch
 * municipality (the official table); only the registered ones are connected, the rest resolve to none.
 */
@Component
public class MunicipalityResolver {

    private final PostcodeTables tables;
    private final MunicipalityRegistry registry;

    public MunicipalityResolver(PostcodeTables tables, MunicipalityRegistry registry) {
        this.tables = tables;
        this.registry = registry;
    }

    /** Resolves by one postcode table: the one in force when it was taken. */
    public final class Day {
        private final PostcodeTable table;
        private final LocalDate day;

        private Day(PostcodeTable table, LocalDate day) {
            this.table = table;
            this.day = day;
        }

        /**
         * Empty when the postcode is unknown or maps to a municipality that is not connected; a
         * municipality that has merged by the day resolves to its successor, whatever the table says.
         */
        public Optional<Municipality> resolve(String postcode, int houseNumber) {
            return table.municipalityCode(postcode, houseNumber).flatMap(registry::byCode).map(m -> registry.inCharge(m, day));
        }
    }

    /**
     * The table in force today, the day the signals about to be resolved are received: taken once
     * for a request or a chunk of a file, so a look-up costs what it did before versions.
     */
    public Day today() {
        return new Day(tables.inForceToday(), tables.today());
    }
}
