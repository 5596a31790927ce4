package be.coordinaat.budget;

/** What a budget line is spent on. */
public enum BudgetCategory {
    PUPIL_DEVICES, STAFF_DEVICES, INFRASTRUCTURE, SOFTWARE_LICENCES, MAINTENANCE_SUPPORT, TRAINING, OTHER
}
