package nl.signaalpoort.signal;

/** The partner's sector; it selects the default rule set (docs/domain.md section 4). */
public enum Sector {
    ENERGY,
    WATER,
    HEALTH_INSURANCE,
    HOUSING
}
