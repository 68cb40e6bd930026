import { defineMessages } from '../message-set';

/** Labels used across the page: the product, the two signals, generic states. */
export const COMMON_MESSAGES = defineMessages({
  en: {
    'app.name': 'CityTwin',
    'layer.physical': 'Sensors',
    'layer.human': 'Appeals',
    'category.all': 'All categories',
    'state.loading': 'Loading CityTwin…',
    'state.waitingForApi': 'Waiting for the CityTwin API… ({error})',
    'state.notAvailable': 'Not available from this server',
    'state.close': 'Close',
  },
  zh: {
    'app.name': 'CityTwin 城市孪生',
    'layer.physical': '物感 · 传感器',
    'layer.human': '人感 · 诉求',
    'category.all': '全部类别',
    'state.loading': '正在加载 CityTwin…',
    'state.waitingForApi': '正在等待 CityTwin 服务…（{error}）',
    'state.notAvailable': '此服务器不提供该功能',
    'state.close': '关闭',
  },
});
