package io.jiasu;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * Where each rule lives, pinned: features reach each other through services and records, never through another's
 * store; resources speak HTTP only; WxJava stays in wechat/; and no arrow runs back up between feature packages.
 */
class ArchitectureTest {
    private static final String BASE = "io.jiasu";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(BASE);

    @Test
    void noFeatureReachesIntoAnotherFeaturesStore() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Store")
                .should(beUsedOnlyInTheirOwnPackage())
                .check(MAIN);
    }

    @Test
    void resourcesImportNoMongoDbRedisWxJavaOrVertxRequest() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.mongodb..",
                        "org.bson..",
                        "io.quarkus.mongodb..",
                        "io.quarkus.redis..",
                        "io.vertx.redis..",
                        "io.vertx.mutiny.redis..",
                        "me.chanjar..",
                        "cn.binarywang..",
                        "io.vertx.core.http..")
                .check(MAIN);
    }

    @Test
    void onlyWechatImportsWxJava() {
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".wechat..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("me.chanjar..", "cn.binarywang..")
                .check(MAIN);
    }

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void platformDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".platform..")
                .should()
                .dependOnClassesThat(resideInAPackage(BASE + "..").and(not(resideInAPackage(BASE + ".platform.."))))
                .check(MAIN);
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only inside their own feature package") {
            @Override
            public void check(JavaClass store, ConditionEvents events) {
                for (Dependency dependency : store.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (!user.getPackageName().equals(store.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
