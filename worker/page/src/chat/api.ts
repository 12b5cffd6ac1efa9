/** Team chat channels' reads and writes (managers). The API never answers a webhook URL or secret. */
import {
  ChatChannelResponse,
  ChatChannelsResponse,
  ChatTestResponse,
  type CreateChatChannelRequest,
  type UpdateChatChannelRequest,
} from '../../../../shared/api/index.ts';
import { api, get, send } from '../app/api.ts';

export const loadChannels = (teamId: string) =>
  get(ChatChannelsResponse, api.chat.channels.$get({ query: { team: teamId } }));

export const createChannel = (body: CreateChatChannelRequest) =>
  send(api.chat.channels.$post({ json: body }), ChatChannelResponse);

export const updateChannel = (id: string, change: UpdateChatChannelRequest) =>
  send(api.chat.channels[':id'].$patch({ param: { id }, json: change }), ChatChannelResponse);

export const removeChannel = (id: string) =>
  send(api.chat.channels[':id'].$delete({ param: { id } }));

export const sendTestMessage = (id: string) =>
  send(api.chat.channels[':id'].test.$post({ param: { id } }), ChatTestResponse);
