/**
 * The signed-out popup's introduction, in the popup's own bundle: the shared dictionaries
 * (extension/i18n/messages.ts) ride in every content script, which have no room for text only the
 * popup shows.
 */
import type { Language } from '../i18n/index.ts';

const intro = {
  en: {
    what: 'Pacer counts your calls, emails, meetings and deals right where you work (Gmail, Outlook, your CRM) and shows your progress to target, your streak and your team’s leaderboard.',
    invite:
      'Your manager gives you an invite code: a link from the Pacer leaderboard page (“Invite your team”, or the Team tab), or a QR code to scan. Enter it below with the server address it shows.',
    manager:
      'Managing a team? Open the server address in your browser and choose “Create an organisation”.',
  },
  zh_CN: {
    what: 'Pacer 在你工作的地方（Gmail、Outlook、CRM）统计电话、邮件、会面和成交，并显示你的目标进度、连续打卡和团队排行榜。',
    invite:
      '邀请码由你的经理提供：来自 Pacer 排行榜页面（“邀请你的团队”或“团队”页）的链接，或可扫描的二维码。请在下方填写邀请码和其中显示的服务器地址。',
    manager: '你是经理？在浏览器中打开服务器地址，选择“创建组织”。',
  },
} satisfies Record<Language, Record<string, string>>;

export const introFor = (language: Language) => intro[language];
