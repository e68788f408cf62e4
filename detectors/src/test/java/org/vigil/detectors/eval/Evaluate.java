package org.vigil.detectors.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vigil.detectors.DetectorCatalog;
import org.vigil.detectors.DetectorProvider;

/**
 * The evaluation command: builds the evaluation set from the decoded footage, runs every detector on the class path
 * over it and prints the table of figures.
 *
 * <pre>
 * java -cp ... org.vigil.detectors.eval.Evaluate [-footage DIR] [-detectors reference,mog2] [-static-minutes 10] [-scenarios PREFIX,...]
 *     [-options name=value;...]
 * </pre>
 */
public final class Evaluate {

    private Evaluate() {
    }

    public static void main(String[] args) {
        Path footageDir = Path.of("detectors/target/footage");
        List<String> names = null;
        List<String> only = null;
        double staticMinutes = 10;
        String options = "";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "-footage" -> footageDir = Path.of(required(args[i], value));
                case "-detectors" -> names = List.of(required(args[i], value).split(","));
                case "-static-minutes" -> staticMinutes = Double.parseDouble(required(args[i], value));
                case "-scenarios" -> only = List.of(required(args[i], value).split(","));
                case "-options" -> options = required(args[i], value);
                default -> {
                    System.err.println("usage: Evaluate [-footage DIR] [-detectors reference,mog2] [-static-minutes 10] [-scenarios PREFIX,...] [-options name=value;...]");
                    System.exit(2);
                }
            }
            i++;
        }
        DetectorCatalog catalog = DetectorCatalog.load();
        List<DetectorProvider> providers = new ArrayList<>();
        if (names == null) {
            providers.addAll(catalog.providers());
        } else {
            names.forEach(name -> providers.add(catalog.provider(name.strip())));
        }
        Footage footage = new Footage(footageDir);
        SceneAssets assets = SceneAssets.build(footage);
        List<Scenario> scenarios = EvaluationSet.standard(footage, assets, staticMinutes);
        if (only != null) {
            List<String> prefixes = only;
            scenarios = scenarios.stream().filter(s -> prefixes.stream().anyMatch(p -> s.name().startsWith(p.strip()))).toList();
        }
        List<ScenarioScore> scores = new Evaluation(providers, Evaluation.optionPairs(options)).run(scenarios, line -> System.err.println("evaluated " + line));
        System.out.println();
        System.out.print(ResultTable.markdown(scores));
    }

    private static String required(String option, String value) {
        if (value == null) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
