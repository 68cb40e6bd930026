import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { Layer, type LayersList } from '@deck.gl/core';

/**
 * An H3HexagonLayer that hands its `_dataDiff` on to the column layer it
 * draws with. deck.gl's H3HexagonLayer does not forward `_dataDiff`
 * (@deck.gl/geo-layers 9.4, `_renderColumnLayer`), so every new data array
 * recomputes every row's position and colours; forwarded, a live delta
 * re-reads only the rows it changed. Only the column path keeps the data's
 * rows as they are, so the high-precision (polygon) path is left alone.
 */
export class DiffedH3HexagonLayer<DataT = unknown> extends H3HexagonLayer<DataT> {
  static override layerName = 'DiffedH3HexagonLayer';

  override renderLayers(): Layer | null | LayersList {
    const rendered = super.renderLayers();
    const { _dataDiff: dataDiff, highPrecision } = this.props;
    if (!dataDiff || highPrecision !== false || !(rendered instanceof Layer)) return rendered;
    return rendered.clone({ _dataDiff: dataDiff as never });
  }
}
