package nl.signaalpoort.normalise;

import java.util.List;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/** Either a normalised signal or every reason it could not be normalised. */
public record NormalisationResult(Signal signal, List<Rejection> rejections) {

    public boolean isValid() {
        return rejections.isEmpty();
    }
}
