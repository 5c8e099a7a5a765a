package fr.novaevo.workstation.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PageImagesTest {

    /** A page of paper at 230 with a band of stamp grey at 150 and a band of ink at 50 (3 % of the page). */
    private static BufferedImage page() {
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = PageImages.pixels(img);
        for (int i = 0; i < px.length; i++) {
            int row = i / 100;
            px[i] = (byte) (row < 3 ? 50 : row < 10 ? 150 : 230);
        }
        return img;
    }

    @Test
    void stretchingMakesInkBlackAndPaleTonesWhite() {
        BufferedImage out = PageImages.stretchLevels(page(), 0.5);
        byte[] px = PageImages.pixels(out);
        assertThat(px[0] & 0xFF).isZero();
        assertThat(px[5 * 100] & 0xFF).as("stamp grey, beyond half way to paper").isEqualTo(255);
        assertThat(px[50 * 100] & 0xFF).isEqualTo(255);
    }

    @Test
    void aPageWithoutContrastIsLeftAsItIs() {
        BufferedImage flat = new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY);
        java.util.Arrays.fill(PageImages.pixels(flat), (byte) 200);
        assertThat(PageImages.stretchLevels(flat, 0.5)).isSameAs(flat);
    }

    @Test
    void turningHalfATurnTwiceGivesThePageBack() {
        BufferedImage p = page();
        assertThat(PageImages.pixels(PageImages.rotate180(PageImages.rotate180(p)))).isEqualTo(PageImages.pixels(p));
        assertThat(PageImages.pixels(PageImages.rotate180(p))[0] & 0xFF).isEqualTo(230);
    }

    @Test
    void theSkewOfATurnedPageIsFound() {
        BufferedImage text = fr.novaevo.workstation.ocr.TestDocuments.page(java.util.List.of(
                "Immatriculation au RCS, numero 518 452 750", "Denomination ou raison sociale GARAGE",
                "Adresse du siege 12 Rue de la Republique", "Forme juridique Societe par actions",
                "Capital social 10 000,00 Euros", "Date d'immatriculation 19/01/2004"));
        SkewEstimator estimator = new SkewEstimator(5);
        assertThat(estimator.estimate(text)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(estimator.estimate(PageImages.rotate(text, 1.5))).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.2));
        assertThat(estimator.estimate(PageImages.rotate(text, -2.5))).isCloseTo(-2.5, org.assertj.core.data.Offset.offset(0.2));
    }
}
