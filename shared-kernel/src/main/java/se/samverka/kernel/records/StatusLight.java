package se.samverka.kernel.records;

/** A status report's traffic light: Enligt plan (green), Mindre komplikationer (yellow), Komplikationer (red). */
public enum StatusLight {
    ON_TRACK("Enligt plan", "green"), MINOR("Mindre komplikationer", "yellow"), MAJOR("Komplikationer", "red");

    private final String label;
    private final String colour;

    StatusLight(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    public String colour() {
        return colour;
    }
}
